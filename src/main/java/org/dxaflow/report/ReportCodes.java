package org.dxaflow.report;

import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Site;
import org.dxaflow.densitometry.WhoCategory;
import org.dxaflow.dicom.sr.Code;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every code dxaflow's reports carry, as {@code conf/report/codes.yaml} gives them
 * ({@link ReportCodesLoader}): one vocabulary for the SR, the ORU and the FHIR resources, so the
 * three channels say the same thing.
 */
public final class ReportCodes {

    /** One measurement row of the file: the sites it covers, an optional side, its codes. */
    record MeasurementRow(List<Site> sites, Laterality laterality, boolean findingSite,
                          Map<ReportQuantity, Code> codes) {
        MeasurementRow {
            sites = List.copyOf(sites);
            codes = Map.copyOf(codes);
        }
    }

    /** The three change-since-prior concepts. */
    public record ChangeCodes(Code bmd, Code percent, Code significance) {
    }

    private final Map<String, String> schemeUris;
    private final Map<String, String> schemeNames;
    private final Code title;
    private final Map<ReportQuantity, Code> units;
    private final Code percentUnit;
    private final List<MeasurementRow> measurements;
    private final ChangeCodes change;
    private final Code findingSiteConcept;
    private final Code lateralityConcept;
    private final Map<Laterality, Code> lateralities;
    private final Map<Site, Code> findingSites;
    private final Code whoCategoryConcept;
    private final Map<WhoCategory, Code> whoCategories;
    private final Code notClassified;

    ReportCodes(Map<String, String> schemeUris, Map<String, String> schemeNames, Code title,
                Map<ReportQuantity, Code> units, Code percentUnit, List<MeasurementRow> measurements,
                ChangeCodes change, Code findingSiteConcept, Code lateralityConcept, Map<Laterality, Code> lateralities,
                Map<Site, Code> findingSites, Code whoCategoryConcept, Map<WhoCategory, Code> whoCategories,
                Code notClassified) {
        this.schemeUris = Map.copyOf(schemeUris);
        this.schemeNames = Map.copyOf(schemeNames);
        this.title = title;
        this.units = new EnumMap<>(units);
        this.percentUnit = percentUnit;
        this.measurements = List.copyOf(measurements);
        this.change = change;
        this.findingSiteConcept = findingSiteConcept;
        this.lateralityConcept = lateralityConcept;
        this.lateralities = new EnumMap<>(lateralities);
        this.findingSites = new EnumMap<>(findingSites);
        this.whoCategoryConcept = whoCategoryConcept;
        this.whoCategories = new EnumMap<>(whoCategories);
        this.notClassified = notClassified;
    }

    /** The report's title: SR document title, OBR-4, DiagnosticReport.code (LOINC 38269-7 as shipped). */
    public Code title() {
        return title;
    }

    /** The UCUM unit of a quantity ({@code g/cm2}, {@code {T-score}}, {@code {Z-score}}). */
    public Code unit(ReportQuantity quantity) {
        return units.get(quantity);
    }

    public Code percentUnit() {
        return percentUnit;
    }

    /**
     * The code of a quantity at a region: the first row of the file naming the site whose side is
     * the one given, else the row with no side. Empty when the file has none (the loader refuses
     * such a file, so this is for a site the file leaves out).
     */
    public Optional<MeasurementCode> measurement(Site site, Laterality laterality, ReportQuantity quantity) {
        MeasurementRow match = null;
        for (MeasurementRow row : measurements) {
            if (!row.sites().contains(site)) {
                continue;
            }
            if (row.laterality() != null && row.laterality() == laterality) {
                match = row;
                break;
            }
            if (row.laterality() == null && match == null) {
                match = row;
            }
        }
        return Optional.ofNullable(match).map(r -> new MeasurementCode(r.codes().get(quantity), r.findingSite()));
    }

    public ChangeCodes change() {
        return change;
    }

    public Code findingSiteConcept() {
        return findingSiteConcept;
    }

    public Code findingSite(Site site) {
        return findingSites.get(site);
    }

    public Code lateralityConcept() {
        return lateralityConcept;
    }

    public Optional<Code> laterality(Laterality side) {
        return Optional.ofNullable(side).map(lateralities::get);
    }

    public Code whoCategoryConcept() {
        return whoCategoryConcept;
    }

    public Code whoCategory(WhoCategory category) {
        return whoCategories.get(category);
    }

    /** The value sent when the report gives no WHO category (the text says why). */
    public Code notClassified() {
        return notClassified;
    }

    /** FHIR Coding.system for a coding scheme designator ({@code LN} → {@code http://loinc.org}). */
    public String systemUri(String scheme) {
        String uri = schemeUris.get(scheme);
        if (uri == null) {
            throw new IllegalArgumentException("no URI for coding scheme " + scheme + " in conf/report/codes.yaml");
        }
        return uri;
    }

    /** The scheme's name for HL7 CWE-3 and the SR's Coding Scheme Identification. */
    public String schemeName(String scheme) {
        return schemeNames.getOrDefault(scheme, scheme);
    }
}
