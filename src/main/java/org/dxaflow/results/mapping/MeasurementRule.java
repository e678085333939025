package org.dxaflow.results.mapping;

import java.util.ArrayList;
import java.util.List;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Site;

/**
 * "This code holds this quantity": an SR NUM concept name or an HL7 OBX-3 identifier, with the site
 * and side when the code itself implies them (LOINC "DXA Hip - left [Mass/Area] Bone density"), else
 * null and the context (container, modifier) says.
 */
record MeasurementRule(CodeRef code, Quantity quantity, Site site, Laterality laterality) {

    /**
     * Reads either one rule {@code {code, scheme, quantity[, site][, laterality]}} or the grouped form
     * {@code {scheme, site, laterality, codes: {BMD: X, T_SCORE: Y}}} for one region.
     */
    static List<MeasurementRule> read(MappingNode n) {
        Site site = n.has("site") ? n.child("site").enumValue(Site.class, Site::parse) : null;
        Laterality lat = n.has("laterality")
                ? n.child("laterality").enumValue(Laterality.class, Laterality::parse) : null;
        List<MeasurementRule> out = new ArrayList<>();
        if (n.has("codes")) {
            String scheme = n.string("scheme");
            for (var e : n.child("codes").entries()) {
                Quantity q = Quantity.parse(e.getKey()).orElseThrow(() -> e.getValue().error("unknown quantity '"
                        + e.getKey() + "' (BMD, BMC, AREA, T_SCORE, Z_SCORE)"));
                out.add(new MeasurementRule(new CodeRef(e.getValue().text(), scheme), q, site, lat));
            }
        } else {
            out.add(new MeasurementRule(CodeRef.read(n),
                    n.child("quantity").enumValue(Quantity.class, Quantity::parse), site, lat));
        }
        n.finish();
        return out;
    }
}
