package org.dxaflow.results.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.dxaflow.conf.ConfNode;
import org.dxaflow.densitometry.Manufacturer;
import org.dxaflow.densitometry.VfaFinding;
import org.dxaflow.hl7.Er7Message;
import org.dxaflow.results.MappedResult;
import org.dxaflow.results.ResultIdentifiers;
import org.dxaflow.results.ScanDetails;

/**
 * A scanner's HL7 ORU^R01 profile ({@code format: hl7-oru}): when it applies (MSH-3/MSH-4 patterns),
 * where the identifiers and scan details are, and which OBX-3 identifiers hold which canonical
 * measurement. An OBX carries no container, so every measurement rule names its site (and side).
 */
public final class OruMapping {

    /** OBX-11 result status: D (delete) and X (cannot be obtained) carry no value to use (HL7 table 0085). */
    private static final Set<String> NO_RESULT = Set.of("D", "X");

    private final String name;
    private final Pattern sendingApplication;
    private final Pattern sendingFacility;
    private final Map<String, List<OruSource>> identifiers;
    private final Map<HeaderField, List<OruSource>> header;
    private final Optional<OruVfaRule> vfa;
    private final ScaleRules scale;
    private final List<MeasurementRule> rules;
    private final UnitRules units;

    private OruMapping(String name, Pattern sendingApplication, Pattern sendingFacility,
                       Map<String, List<OruSource>> identifiers, Map<HeaderField, List<OruSource>> header,
                       Optional<OruVfaRule> vfa,
                       ScaleRules scale, List<MeasurementRule> rules, UnitRules units) {
        this.name = name;
        this.sendingApplication = sendingApplication;
        this.sendingFacility = sendingFacility;
        this.identifiers = identifiers;
        this.header = header;
        this.vfa = vfa;
        this.scale = scale;
        this.rules = List.copyOf(rules);
        this.units = units;
    }

    /** Reads the mapping; problems go to the file's problems, which fail the load (see {@link ResultMappings}). */
    static OruMapping read(String name, ConfNode root) {
        ConfNode m = root.map("matches");
        Pattern app = m.has("sendingApplication") ? pattern(m.get("sendingApplication")) : null;
        Pattern facility = m.has("sendingFacility") ? pattern(m.get("sendingFacility")) : null;
        m.finish();
        if (!m.has("sendingApplication") && !m.has("sendingFacility")) {
            m.problem("give sendingApplication (MSH-3) and/or sendingFacility (MSH-4)");
        }
        Map<String, List<OruSource>> ids = new java.util.LinkedHashMap<>();
        ConfNode idNode = root.get("identifiers");
        for (String key : List.of("studyInstanceUid", "accessionNumber", "patientId")) {
            ids.put(key, idNode.optionalItems(key).stream().map(OruSource::read).toList());
        }
        idNode.finish();
        Map<HeaderField, List<OruSource>> header = new EnumMap<>(HeaderField.class);
        if (root.has("header")) {
            root.get("header").entries().forEach((key, value) -> HeaderField.forKey(key).ifPresentOrElse(
                    f -> header.put(f, value.oneOrMore().stream().map(OruSource::read).toList()),
                    () -> value.problem(HeaderField.UNKNOWN)));
        }
        ScaleRules scale = ScaleRules.read(root.optionalItems("scale"));
        List<MeasurementRule> rules = new ArrayList<>();
        List<ConfNode> measurements = root.optionalItems("measurements");
        for (ConfNode n : measurements) {
            for (MeasurementRule r : MeasurementRule.read(n)) {
                if (r.site() != null) {
                    rules.add(r);
                } else if (!n.has("site")) {
                    n.problem("an OBX has no container: every measurement needs its site");
                }
            }
        }
        if (measurements.isEmpty()) {
            root.problem("'measurements' must list at least one OBX-3 code");
        }
        UnitRules units = UnitRules.read(root.get("units"));
        Optional<OruVfaRule> vfa = OruVfaRule.read(root);
        return new OruMapping(name, app, facility, ids, header, vfa, scale, rules, units);
    }

    /** Null (reported) when not a regular expression. */
    private static Pattern pattern(ConfNode n) {
        try {
            return Pattern.compile(n.nonBlank());
        } catch (PatternSyntaxException e) {
            n.problem("not a regular expression: " + e.getDescription());
            return null;
        }
    }

    public String name() {
        return name;
    }

    public Optional<String> mismatch(Er7Message message) {
        String app = message.msh().value(3);
        String facility = message.msh().value(4);
        if (sendingApplication != null && !sendingApplication.matcher(app).find()) {
            return Optional.of("MSH-3 '" + app + "' does not match /" + sendingApplication.pattern() + "/");
        }
        if (sendingFacility != null && !sendingFacility.matcher(facility).find()) {
            return Optional.of("MSH-4 '" + facility + "' does not match /" + sendingFacility.pattern() + "/");
        }
        return Optional.empty();
    }

    /** The identifiers only, which matching can use even when the measurements cannot be read. */
    public ResultIdentifiers identifiers(Er7Message message) {
        List<String> ignored = new ArrayList<>();
        HeaderValues values = new HeaderValues();
        header.getOrDefault(HeaderField.SCAN_DATE, List.of())
                .forEach(s -> s.collect(HeaderField.SCAN_DATE, message, values, ignored));
        return new ResultIdentifiers(first("studyInstanceUid", message), first("accessionNumber", message),
                first("patientId", message), HeaderValues.date(values.text(HeaderField.SCAN_DATE), ignored));
    }

    public MappedResult read(Er7Message message) throws UnmappableResultException {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        HeaderValues values = new HeaderValues();
        header.forEach((field, sources) -> sources.forEach(s -> s.collect(field, message, values, problems)));
        ScanDetails details = values.details(scale, problems);
        MeasurementSet set = new MeasurementSet(problems);
        for (Er7Message.Segment obx : message.all("OBX")) {
            observation(obx, set, problems, warnings);
        }
        List<VfaFinding> findings = vfa.map(v -> v.read(message, problems)).orElse(List.of());
        if (set.isEmpty() && problems.isEmpty()) {
            problems.add("no OBX-3 matched the mapping's measurements");
        }
        if (!problems.isEmpty()) {
            throw new UnmappableResultException("mapping " + name + ": " + String.join("; ", problems));
        }
        if (details.manufacturer() != null && details.scale() == Manufacturer.OTHER) {
            warnings.add("manufacturer '" + details.manufacturer() + "' has no calibration scale in mapping " + name
                    + ": engine T-/Z-scores are not computable, the vendor's are reported");
        }
        ResultIdentifiers ids = identifiers(message);
        return new MappedResult(name, new ResultIdentifiers(ids.studyInstanceUid(), ids.accessionNumber(),
                ids.patientId(), details.scanDate()), details, set.measurements(), findings, warnings);
    }

    private void observation(Er7Message.Segment obx, MeasurementSet set, List<String> problems, List<String> warnings) {
        String where = "OBX " + obx.value(1) + " " + obx.value(3, 1) + "^" + obx.value(3, 3);
        Optional<MeasurementRule> rule = rules.stream()
                .filter(r -> r.code().matches(obx.value(3, 1), obx.value(3, 3))).findFirst();
        if (rule.isEmpty()) {
            boolean used = header.values().stream().flatMap(List::stream).anyMatch(s -> s.isObservation(obx))
                    || identifiers.values().stream().flatMap(List::stream).anyMatch(s -> s.isObservation(obx))
                    || vfa.filter(v -> v.isVfaObservation(obx)).isPresent();
            if (!used) {
                warnings.add("ignored " + where + ": not in the mapping's measurements");
            }
            return;
        }
        MeasurementRule r = rule.get();
        if (NO_RESULT.contains(obx.value(11))) {
            warnings.add(where + " has result status " + obx.value(11) + ": no value used");
            return;
        }
        String text = obx.value(5);
        if (text.isEmpty()) {
            warnings.add(where + " has no value (not measured)");
            return;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add(where + " value '" + text + "' is not a number");
            return;
        }
        String unit = obx.value(6, 1);
        Optional<BigDecimal> value = units.toCanonical(r.quantity(), number, unit);
        if (value.isEmpty()) {
            problems.add(where + " has units '" + unit + "'; the mapping accepts " + units.accepted(r.quantity())
                    + " for " + r.quantity());
            return;
        }
        set.add(r.site(), MeasurementSet.isMidline(r.site()) ? null : r.laterality(), r.quantity(), value.get(), where);
    }

    private String first(String key, Er7Message message) {
        for (OruSource s : identifiers.getOrDefault(key, List.of())) {
            String v = s.text(message);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
