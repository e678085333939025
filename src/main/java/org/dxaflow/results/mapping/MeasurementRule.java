package org.dxaflow.results.mapping;

import java.util.ArrayList;
import java.util.List;
import org.dxaflow.conf.ConfNode;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Site;

/**
 * "This code holds this quantity": an SR NUM concept name or an HL7 OBX-3 identifier, with the site
 * and side when the code itself implies them (LOINC "DXA Hip - left [Mass/Area] Bone density"), else
 * null and the context (container, modifier) says.
 */
record MeasurementRule(CodeRef code, Quantity quantity, Site site, Laterality laterality) {

    /** For "unknown value" errors in mapping files. */
    static final String SITES = "site names such as FEMORAL_NECK, TOTAL_HIP, L1-L4";

    /**
     * Reads either one rule {@code {code, scheme, quantity[, site][, laterality]}} or the grouped form
     * {@code {scheme, site, laterality, codes: {BMD: X, T_SCORE: Y}}} for one region.
     */
    static List<MeasurementRule> read(ConfNode n) {
        Site site = n.has("site") ? n.get("site").parse(Site::parse, SITES).orElse(null) : null;
        Laterality lat = n.has("laterality")
                ? n.get("laterality").parse(Laterality::parse, "LEFT, RIGHT").orElse(null) : null;
        List<MeasurementRule> out = new ArrayList<>();
        if (n.has("codes")) {
            String scheme = n.nonBlank("scheme");
            for (var e : n.get("codes").entries().entrySet()) {
                Quantity.parse(e.getKey()).ifPresentOrElse(
                        q -> out.add(new MeasurementRule(new CodeRef(e.getValue().nonBlank(), scheme), q, site, lat)),
                        () -> e.getValue().problem("unknown quantity '" + e.getKey() + "' (" + Quantity.NAMES + ")"));
            }
        } else {
            CodeRef code = CodeRef.read(n);
            n.get("quantity").parse(Quantity::parse, Quantity.NAMES)
                    .ifPresent(q -> out.add(new MeasurementRule(code, q, site, lat)));
        }
        n.finish();
        return out;
    }
}
