package org.dxaflow.results.mapping;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.dxaflow.conf.ConfNode;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Site;
import org.dxaflow.densitometry.VfaFinding;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.results.MappedResult;
import org.dxaflow.results.ResultIdentifiers;
import org.dxaflow.results.ScanDetails;
import org.dxaflow.dicom.sr.SrItem;

/**
 * A vendor's DICOM SR layout ({@code format: dicom-sr}): when it applies ({@code matches}), where
 * the scan details are ({@code header}), which codes name sites and sides ({@code sites},
 * {@code lateralities}, read from container concept names or from HAS CONCEPT MOD items whose
 * concept is one of {@code siteModifiers}/{@code lateralityModifiers}), which NUM concept names hold
 * which quantity ({@code measurements}) and in which units ({@code units}).
 */
public final class SrMapping {

    private final String name;
    private final Set<String> sopClassUids;
    private final CodeRef rootConcept;
    private final Pattern manufacturer;
    private final Map<HeaderField, List<SrSource>> header;
    private final Optional<SrVfaRule> vfa;
    private final ScaleRules scale;
    private final SrContext context;
    private final List<MeasurementRule> rules;
    private final UnitRules units;

    private SrMapping(String name, Set<String> sopClassUids, CodeRef rootConcept, Pattern manufacturer,
                      Map<HeaderField, List<SrSource>> header, ScaleRules scale, SrContext context,
                      List<MeasurementRule> rules, UnitRules units, Optional<SrVfaRule> vfa) {
        this.name = name;
        this.vfa = vfa;
        this.sopClassUids = Set.copyOf(sopClassUids);
        this.rootConcept = rootConcept;
        this.manufacturer = manufacturer;
        this.header = header;
        this.scale = scale;
        this.context = context;
        this.rules = List.copyOf(rules);
        this.units = units;
    }

    /** Reads the mapping; problems go to the file's problems, which fail the load (see {@link ResultMappings}). */
    static SrMapping read(String name, ConfNode root) {
        ConfNode m = root.map("matches");
        Set<String> classes = new LinkedHashSet<>();
        m.optionalItems("sopClassUids").forEach(n -> classes.add(n.nonBlank()));
        CodeRef rootConcept = m.has("rootConcept") ? CodeRef.readOnly(m.get("rootConcept")) : null;
        Pattern manufacturer = m.has("manufacturer") ? pattern(m.get("manufacturer")) : null;
        m.finish();
        if (classes.isEmpty() && !m.has("rootConcept") && !m.has("manufacturer")) {
            m.problem("give at least one of sopClassUids, rootConcept, manufacturer");
        }
        Map<HeaderField, List<SrSource>> header = new EnumMap<>(HeaderField.class);
        if (root.has("header")) {
            root.get("header").entries().forEach((key, value) -> HeaderField.forKey(key).ifPresentOrElse(
                    f -> header.put(f, value.oneOrMore().stream().map(SrSource::read).toList()),
                    () -> value.problem(HeaderField.UNKNOWN)));
        }
        ScaleRules scale = ScaleRules.read(root.optionalItems("scale"));
        SrContext context = SrContext.read(root);
        List<MeasurementRule> rules = new ArrayList<>();
        List<ConfNode> measurements = root.optionalItems("measurements");
        measurements.forEach(n -> rules.addAll(MeasurementRule.read(n)));
        if (measurements.isEmpty()) {
            root.problem("'measurements' must list at least one NUM concept name");
        }
        UnitRules units = UnitRules.read(root.get("units"));
        Optional<SrVfaRule> vfa = SrVfaRule.read(root);
        return new SrMapping(name, classes, rootConcept, manufacturer, header, scale, context, rules, units, vfa);
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

    /** Empty when this mapping applies to the object, else why not (for the "no mapping matches" error). */
    public Optional<String> mismatch(Attributes dataSet, SrItem root) {
        String sopClass = dataSet.getString(Tag.SOPClassUID, "");
        if (!sopClassUids.isEmpty() && !sopClassUids.contains(sopClass)) {
            return Optional.of("SOP class " + sopClass + " not in " + sopClassUids);
        }
        if (rootConcept != null && !rootConcept.matches(root.name())) {
            return Optional.of("root concept " + root.name() + " is not " + rootConcept);
        }
        String m = dataSet.getString(Tag.Manufacturer, "");
        if (manufacturer != null && !manufacturer.matcher(m).find()) {
            return Optional.of("manufacturer '" + m + "' does not match /" + manufacturer.pattern() + "/");
        }
        return Optional.empty();
    }

    /** Reads the object; every problem found is reported together. */
    public MappedResult read(Attributes dataSet, SrItem root) throws UnmappableResultException {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        HeaderValues values = new HeaderValues();
        header.forEach((field, sources) -> sources.forEach(s -> s.collect(field, dataSet, root, values, problems)));
        ScanDetails details = values.details(scale, problems);
        MeasurementSet set = new MeasurementSet(problems);
        new SrWalk(rules, context, units, set, problems, warnings,
                item -> isHeaderItem(item) || vfa.filter(v -> v.isVfaItem(item)).isPresent()).walk(root);
        List<VfaFinding> findings = vfa.map(v -> v.read(root, problems)).orElse(List.of());
        if (set.isEmpty() && problems.isEmpty()) {
            problems.add("no content item matched the mapping's measurements (NUM concept names "
                    + rules.stream().map(r -> r.code().toString()).distinct().limit(8).toList() + "...)");
        }
        if (!problems.isEmpty()) {
            throw new UnmappableResultException("mapping " + name + ": " + String.join("; ", problems));
        }
        if (details.manufacturer() != null && details.scale() == org.dxaflow.densitometry.Manufacturer.OTHER) {
            warnings.add("manufacturer '" + details.manufacturer() + "' has no calibration scale in mapping " + name
                    + ": engine T-/Z-scores are not computable, the vendor's are reported");
        }
        ResultIdentifiers ids = new ResultIdentifiers(dataSet.getString(Tag.StudyInstanceUID),
                dataSet.getString(Tag.AccessionNumber), dataSet.getString(Tag.PatientID), details.scanDate());
        return new MappedResult(name, ids, details, set.measurements(), findings, warnings);
    }

    private boolean isHeaderItem(SrItem item) {
        return header.values().stream().flatMap(List::stream).anyMatch(s -> s.isItem(item));
    }

    /** Site and side vocabulary of an SR layout. */
    record SrContext(List<CodeRef> siteModifiers, List<CodeRef> lateralityModifiers,
                     Map<CodeRef, Site> sites, Map<CodeRef, Laterality> lateralities) {

        SrContext {
            siteModifiers = List.copyOf(siteModifiers);
            lateralityModifiers = List.copyOf(lateralityModifiers);
            // insertion order is the order of the mapping file, kept for messages that list them
            sites = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sites));
            lateralities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lateralities));
        }

        static SrContext read(ConfNode root) {
            List<CodeRef> siteMods = root.optionalItems("siteModifiers").stream().map(CodeRef::readOnly).toList();
            List<CodeRef> latMods = root.optionalItems("lateralityModifiers").stream().map(CodeRef::readOnly).toList();
            Map<CodeRef, Site> sites = new java.util.LinkedHashMap<>();
            for (ConfNode n : root.optionalItems("sites")) {
                CodeRef c = CodeRef.read(n);
                Optional<Site> site = n.get("site").parse(Site::parse, MeasurementRule.SITES);
                if (site.isPresent() && sites.put(c, site.get()) != null) {
                    n.problem(c + " is listed twice");
                }
                n.finish();
            }
            Map<CodeRef, Laterality> lats = new java.util.LinkedHashMap<>();
            for (ConfNode n : root.optionalItems("lateralities")) {
                CodeRef c = CodeRef.read(n);
                n.get("laterality").parse(Laterality::parse, "LEFT, RIGHT").ifPresent(l -> lats.put(c, l));
                n.finish();
            }
            return new SrContext(siteMods, latMods, Map.copyOf(sites), Map.copyOf(lats));
        }

        Optional<Site> site(org.dxaflow.dicom.sr.Concept c) {
            return sites.entrySet().stream().filter(e -> e.getKey().matches(c)).map(Map.Entry::getValue).findFirst();
        }

        Optional<Laterality> laterality(org.dxaflow.dicom.sr.Concept c) {
            return lateralities.entrySet().stream().filter(e -> e.getKey().matches(c)).map(Map.Entry::getValue)
                    .findFirst();
        }

        boolean isSiteModifier(SrItem i) {
            return i.isModifier() && siteModifiers.stream().anyMatch(c -> c.matches(i.name()));
        }

        boolean isLateralityModifier(SrItem i) {
            return i.isModifier() && lateralityModifiers.stream().anyMatch(c -> c.matches(i.name()));
        }
    }
}
