package org.dxaflow.report.fhir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.dxaflow.densitometry.DensitometryResult;
import org.dxaflow.densitometry.SiteResult;
import org.dxaflow.dicom.sr.Code;
import org.dxaflow.order.Clinician;
import org.dxaflow.order.CodedValue;
import org.dxaflow.order.Order;
import org.dxaflow.order.PatientDemographics;
import org.dxaflow.order.PersonName;
import org.dxaflow.report.ReportCodes;
import org.dxaflow.report.ReportDocument;
import org.dxaflow.report.ReportQuantity;
import org.dxaflow.report.Reporter;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * One report version as a FHIR R4 transaction Bundle: the Patient, the referrer, the order
 * (ServiceRequest), one Observation per region and quantity, the WHO category Observation and the
 * DiagnosticReport with the PDF. Every code comes from {@link ReportCodes}.
 *
 * <p>The receiver keeps one copy however often a report is sent: Patient, Practitioner and
 * ServiceRequest are created only if none has their business identifier ({@code ifNoneExist}); the
 * DiagnosticReport and each Observation are conditional PUTs on their own identifier, derived from
 * {@link ReportDocument#businessId()}, so a verified or amended version replaces the preliminary one.
 * References inside the Bundle are {@code urn:uuid} fullUrls the server resolves; they are name-based
 * (v3) UUIDs of the business identifiers, so a resend is the same Bundle.
 */
public final class ReportBundleBuilder {

    public static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
    /** DiagnosticReport.identifier system; the value is {@link ReportDocument#businessId()}. */
    public static final String REPORT_SYSTEM = "urn:dxaflow:id:report";
    /** Observation.identifier system; value = businessId-SITE[-SIDE]-QUANTITY, or businessId-WHO-CATEGORY. */
    public static final String OBSERVATION_SYSTEM = "urn:dxaflow:id:report-observation";
    /** The local MRN, per assigning authority: {@code urn:dxaflow:id:mrn:HOSP}. */
    public static final String MRN_SYSTEM_PREFIX = "urn:dxaflow:id:mrn:";
    /** The order's placer number, per placer application: {@code urn:dxaflow:id:placer:RIS}. */
    public static final String PLACER_SYSTEM_PREFIX = "urn:dxaflow:id:placer:";
    public static final String FILLER_SYSTEM = "urn:dxaflow:id:filler";
    public static final String ACCESSION_SYSTEM = "urn:dxaflow:id:accession";
    /** The referrer's id as the RIS sent it (a GMC or local code: which, the RIS does not say). */
    public static final String CLINICIAN_SYSTEM = "urn:dxaflow:id:clinician";
    /** The reporter's dxaflow user id. */
    public static final String REPORTER_SYSTEM = "urn:dxaflow:id:reporter";
    /**
     * HL7 extension for the side of Observation.bodySite when the code does not say it (for use with
     * Observation.bodySite through R5): the femur and spine LOINC codes do not.
     */
    public static final String LATERALITY_EXTENSION =
            "http://hl7.org/fhir/StructureDefinition/observation-structureLaterality";

    private static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
    private static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    private static final String V2_0074 = "http://terminology.hl7.org/CodeSystem/v2-0074";

    private final ReportCodes codes;

    public ReportBundleBuilder(ReportCodes codes) {
        this.codes = Objects.requireNonNull(codes, "codes");
    }

    /** The transaction for one report version; {@code pdf} may be null (no presentedForm then). */
    public Bundle build(ReportDocument doc, byte[] pdf) {
        Objects.requireNonNull(doc, "doc");
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.TRANSACTION);
        Order order = doc.order();

        Patient patient = patient(order.patient().demographics());
        // a patient with neither number cannot be matched: created plainly (the gate should not let one through)
        String patientUrl = add(bundle, patient, patient.hasIdentifier() ? patient.getIdentifierFirstRep() : null,
                false);

        String referrerUrl = null;
        if (order.referrer().isIdentified() && !order.referrer().id().isEmpty()) {
            Practitioner referrer = practitioner(order.referrer());
            referrerUrl = add(bundle, referrer, referrer.getIdentifierFirstRep(), false);
        }

        ServiceRequest request = serviceRequest(order, patientUrl, referrerUrl);
        String requestUrl = add(bundle, request, request.getIdentifierFirstRep(), false);

        String interpreterUrl = null;
        if (doc.verification() != null && !doc.verification().reporter().id().isEmpty()) {
            Practitioner reporter = reporter(doc.verification().reporter());
            interpreterUrl = add(bundle, reporter, reporter.getIdentifierFirstRep(), false);
        }

        List<String> results = new ArrayList<>();
        DensitometryResult result = doc.result();
        if (result != null) {
            for (SiteResult s : result.sites()) {
                addValue(bundle, results, doc, patientUrl, s, ReportQuantity.BMD, s.bmd());
                addValue(bundle, results, doc, patientUrl, s, ReportQuantity.T_SCORE, s.tScore());
                addValue(bundle, results, doc, patientUrl, s, ReportQuantity.Z_SCORE, s.zScore());
            }
        }
        Observation who = observation(doc, patientUrl, doc.businessId() + "-WHO-CATEGORY",
                codes.whoCategoryConcept());
        who.setValue(concept(result == null || result.whoCategory() == null
                ? codes.notClassified() : codes.whoCategory(result.whoCategory())));
        results.add(add(bundle, who, who.getIdentifierFirstRep(), true));

        DiagnosticReport report = report(doc, pdf, patientUrl, requestUrl, interpreterUrl, results);
        add(bundle, report, report.getIdentifierFirstRep(), true);
        return bundle;
    }

    private void addValue(Bundle bundle, List<String> results, ReportDocument doc, String patientUrl, SiteResult s,
                          ReportQuantity quantity, BigDecimal value) {
        if (value == null) {
            // not computed: the text says why; an Observation without a value would need a dataAbsentReason
            return;
        }
        Code code = codes.measurement(s.site(), s.laterality(), quantity)
                .orElseThrow(() -> new IllegalStateException("no " + quantity + " code for " + s.site()
                        + " in conf/report/codes.yaml"))
                .code();
        String id = doc.businessId() + "-" + s.site().externalName()
                + (s.laterality() == null ? "" : "-" + s.laterality().name()) + "-" + quantity.name();
        Observation o = observation(doc, patientUrl, id, code);
        Code unit = codes.unit(quantity);
        // the stored value exactly as computed and reported: never re-rounded here
        o.setValue(new Quantity().setValue(value).setUnit(unit.meaning()).setSystem(codes.systemUri(unit.scheme()))
                .setCode(unit.value()));
        CodeableConcept site = concept(codes.findingSite(s.site()));
        codes.laterality(s.laterality()).ifPresent(side -> site.addExtension(LATERALITY_EXTENSION, concept(side)));
        o.setBodySite(site);
        results.add(add(bundle, o, o.getIdentifierFirstRep(), true));
    }

    private Observation observation(ReportDocument doc, String patientUrl, String identifier, Code code) {
        Observation o = new Observation();
        o.addIdentifier().setSystem(OBSERVATION_SYSTEM).setValue(identifier);
        o.setStatus(Observation.ObservationStatus.fromCode(doc.status().fhirStatus()));
        o.addCategory().addCoding().setSystem(OBSERVATION_CATEGORY).setCode("imaging").setDisplay("Imaging");
        o.setCode(concept(code));
        o.setSubject(new Reference(patientUrl));
        scanDate(doc).ifPresent(o::setEffective);
        o.setIssued(Date.from(doc.createdAt()));
        return o;
    }

    private DiagnosticReport report(ReportDocument doc, byte[] pdf, String patientUrl, String requestUrl,
                                    String interpreterUrl, List<String> results) {
        DiagnosticReport r = new DiagnosticReport();
        r.addIdentifier().setSystem(REPORT_SYSTEM).setValue(doc.businessId());
        r.addBasedOn(new Reference(requestUrl));
        r.setStatus(DiagnosticReport.DiagnosticReportStatus.fromCode(doc.status().fhirStatus()));
        r.addCategory().addCoding().setSystem(V2_0074).setCode("RAD").setDisplay("Radiology");
        r.setCode(concept(codes.title()));
        r.setSubject(new Reference(patientUrl));
        scanDate(doc).ifPresent(r::setEffective);
        r.setIssued(Date.from(doc.verification() != null ? doc.verification().at() : doc.createdAt()));
        if (interpreterUrl != null) {
            r.addResultsInterpreter(new Reference(interpreterUrl));
        }
        for (String url : results) {
            r.addResult(new Reference(url));
        }
        if (!doc.text().conclusion().isEmpty()) {
            r.setConclusion(doc.text().conclusion());
        }
        if (pdf != null) {
            r.addPresentedForm(new Attachment().setContentType("application/pdf").setData(pdf)
                    .setTitle(codes.title().meaning() + " report, version " + doc.version()));
        }
        return r;
    }

    private static Patient patient(PatientDemographics p) {
        Patient patient = new Patient();
        // the NHS number first: it is the identifier the receiver matches on (ifNoneExist)
        if (!blank(p.nhsNumber())) {
            patient.addIdentifier().setSystem(NHS_NUMBER_SYSTEM).setValue(p.nhsNumber());
        }
        if (!blank(p.mrn())) {
            patient.addIdentifier().setSystem(MRN_SYSTEM_PREFIX + urnPart(p.mrnAuthority())).setValue(p.mrn())
                    .setType(type("MR", "Medical record number"));
        }
        if (p.name() != null && !p.name().isEmpty()) {
            patient.addName(name(p.name()).setUse(HumanName.NameUse.OFFICIAL));
        }
        if (p.birthDate() != null) {
            patient.setBirthDateElement(new DateType(p.birthDate().toString()));
        }
        if (p.sex() != null) {
            patient.setGender(p.sex() == org.dxaflow.clinical.Sex.F ? Enumerations.AdministrativeGender.FEMALE
                    : p.sex() == org.dxaflow.clinical.Sex.M ? Enumerations.AdministrativeGender.MALE
                    : Enumerations.AdministrativeGender.UNKNOWN);
        }
        return patient;
    }

    private static Practitioner practitioner(Clinician c) {
        Practitioner p = new Practitioner();
        p.addIdentifier().setSystem(CLINICIAN_SYSTEM).setValue(c.id());
        if (!c.name().isEmpty()) {
            p.addName(name(c.name()));
        }
        return p;
    }

    /** The reporter as printed: the name is held whole, not in parts. */
    private static Practitioner reporter(Reporter r) {
        Practitioner p = new Practitioner();
        p.addIdentifier().setSystem(REPORTER_SYSTEM).setValue(r.id());
        if (!r.name().isEmpty()) {
            p.addName().setText(r.name());
        }
        return p;
    }

    private ServiceRequest serviceRequest(Order o, String patientUrl, String referrerUrl) {
        ServiceRequest s = new ServiceRequest();
        if (!blank(o.placerOrderNumber())) {
            s.addIdentifier().setSystem(PLACER_SYSTEM_PREFIX + urnPart(o.placerApplication()))
                    .setValue(o.placerOrderNumber()).setType(type("PLAC", "Placer Identifier"));
        }
        if (!blank(o.fillerOrderNumber())) {
            s.addIdentifier().setSystem(FILLER_SYSTEM).setValue(o.fillerOrderNumber())
                    .setType(type("FILL", "Filler Identifier"));
        }
        if (!blank(o.accessionNumber())) {
            s.addIdentifier().setSystem(ACCESSION_SYSTEM).setValue(o.accessionNumber())
                    .setType(type("ACSN", "Accession ID"));
        }
        // the scan has been done and reported: the request is complete
        s.setStatus(ServiceRequest.ServiceRequestStatus.COMPLETED);
        s.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        s.setCode(procedure(o.procedure()));
        s.setSubject(new Reference(patientUrl));
        if (referrerUrl != null) {
            s.setRequester(new Reference(referrerUrl));
        }
        return s;
    }

    /** The order's procedure; coded only when its scheme is one codes.yaml gives a system for. */
    private CodeableConcept procedure(CodedValue p) {
        CodeableConcept c = new CodeableConcept();
        if (p == null) {
            return concept(codes.title());
        }
        if (!blank(p.text())) {
            c.setText(p.text());
        }
        if (!blank(p.code()) && !blank(p.scheme())) {
            try {
                c.addCoding().setSystem(codes.systemUri(p.scheme())).setCode(p.code()).setDisplay(p.text());
            } catch (IllegalArgumentException unknownScheme) {
                // a RIS code from a scheme dxaflow has no URI for: sent as text only, not with a made-up system
            }
        }
        return c.isEmpty() ? concept(codes.title()) : c;
    }

    private java.util.Optional<DateTimeType> scanDate(ReportDocument doc) {
        LocalDate d = doc.scan() == null ? null : doc.scan().scanDate();
        return java.util.Optional.ofNullable(d).map(day -> new DateTimeType(day.toString()));
    }

    private CodeableConcept concept(Code code) {
        return new CodeableConcept().addCoding(new Coding(codes.systemUri(code.scheme()), code.value(),
                code.meaning()));
    }

    private static CodeableConcept type(String code, String display) {
        return new CodeableConcept().addCoding(new Coding(V2_0203, code, display));
    }

    private static HumanName name(PersonName n) {
        HumanName h = new HumanName();
        if (!n.family().isEmpty()) {
            h.setFamily(n.family());
        }
        if (!n.given().isEmpty()) {
            h.addGiven(n.given());
        }
        if (!n.middle().isEmpty()) {
            h.addGiven(n.middle());
        }
        if (!n.prefix().isEmpty()) {
            h.addPrefix(n.prefix());
        }
        return h;
    }

    /**
     * Adds the entry: POST if none has the identifier ({@code ifNoneExist}), or a conditional PUT
     * on it ({@code replace}); returns its fullUrl. No
     * identifier ({@code key} null): a plain POST.
     */
    private static String add(Bundle bundle, Resource resource, Identifier key, boolean replace) {
        String type = resource.fhirType();
        if (key == null) {
            String fullUrl = "urn:uuid:" + UUID.randomUUID();
            bundle.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest().setMethod(Bundle.HTTPVerb.POST)
                    .setUrl(type);
            return fullUrl;
        }
        String query = "identifier=" + key.getSystem() + "|" + key.getValue();
        String fullUrl = "urn:uuid:" + UUID.nameUUIDFromBytes((type + "|" + key.getSystem() + "|" + key.getValue())
                .getBytes(StandardCharsets.UTF_8));
        Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
        if (replace) {
            entry.getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(type + "?" + query);
        } else {
            entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(type).setIfNoneExist(query);
        }
        return fullUrl;
    }

    /** A value usable inside a URN (RFC 8141 NSS): an authority name such as "HOSP" or "RIS". */
    private static String urnPart(String s) {
        String v = blank(s) ? "local" : s.trim();
        return v.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
