package org.dxaflow.report.fhir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Site;
import org.dxaflow.densitometry.SiteResult;
import org.dxaflow.densitometry.WhoCategory;
import org.dxaflow.report.OutboundExamples;
import org.dxaflow.report.ReportCodes;
import org.dxaflow.report.ReportDocument;
import org.dxaflow.report.ReportQuantity;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;

/** The Bundle is valid R4 and carries the result's own figures, with conditional semantics on business ids. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBundleBuilderTest {

    private static final byte[] PDF = "%PDF-1.7 test".getBytes(StandardCharsets.ISO_8859_1);

    private final ReportCodes codes = OutboundExamples.codes();
    private final ReportBundleBuilder builder = new ReportBundleBuilder(codes);
    private final FhirContext fhir = FhirContext.forR4();
    private final FhirValidator validator = validator(fhir);

    private static FhirValidator validator(FhirContext ctx) {
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(ctx),
                new InMemoryTerminologyServerValidationSupport(ctx), new CommonCodeSystemsTerminologyService(ctx),
                new SnapshotGeneratingValidationSupport(ctx));
        return ctx.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }

    /**
     * Warnings accepted (none is an error of the Bundle): LOINC, SNOMED CT and dxaflow's local code
     * system cannot be checked without their terminology loaded; the laterality extension is HL7's
     * (extensions pack), not in the base R4 definitions the validator has; best-practice advice such
     * as "no narrative (dom-6)".
     */
    private List<SingleValidationMessage> errors(Bundle bundle) {
        ValidationResult result = validator.validateWithResult(bundle);
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
    }

    @Test
    void thePreliminaryVerifiedAndAmendedBundlesAreValidR4() {
        ReportDocument prelim = OutboundExamples.preliminary();
        ReportDocument verified = OutboundExamples.verified(prelim);
        for (Bundle b : List.of(builder.build(prelim, null), builder.build(verified, PDF),
                builder.build(OutboundExamples.amended(verified), PDF), builder.build(OutboundExamples.bothHips(), null))) {
            List<SingleValidationMessage> errors = errors(b);
            assertTrue(errors.isEmpty(), () -> errors.stream()
                    .map(m -> m.getLocationString() + ": " + m.getMessage()).collect(Collectors.joining("\n")));
        }
    }

    @Test
    void theValidatorCatchesABrokenBundle() {
        // the check above can fail: an Observation without its required status is an error
        Bundle b = builder.build(OutboundExamples.preliminary(), null);
        all(b, Observation.class).get(0).setStatus(null);
        List<SingleValidationMessage> errors = errors(b);
        assertTrue(errors.stream().anyMatch(m -> m.getMessage().contains("Observation.status")), errors::toString);
    }

    @Test
    void aTransactionWithConditionalCreatesAndConditionalUpdates() {
        ReportDocument doc = OutboundExamples.preliminary();
        Bundle b = builder.build(doc, null);
        assertEquals(Bundle.BundleType.TRANSACTION, b.getType());
        Set<String> fullUrls = new HashSet<>();
        for (Bundle.BundleEntryComponent e : b.getEntry()) {
            assertTrue(e.getFullUrl().startsWith("urn:uuid:"), e.getFullUrl());
            assertTrue(fullUrls.add(e.getFullUrl()), "fullUrls are unique");
            String type = e.getResource().fhirType();
            switch (type) {
                case "Patient", "Practitioner", "ServiceRequest" -> {
                    assertEquals(Bundle.HTTPVerb.POST, e.getRequest().getMethod(), type);
                    assertTrue(e.getRequest().getIfNoneExist().startsWith("identifier="), type);
                }
                case "Observation", "DiagnosticReport" -> {
                    assertEquals(Bundle.HTTPVerb.PUT, e.getRequest().getMethod(), type);
                    assertTrue(e.getRequest().getUrl().startsWith(type + "?identifier="), e.getRequest().getUrl());
                }
                default -> throw new AssertionError("unexpected " + type);
            }
        }
        Patient patient = only(b, Patient.class);
        assertEquals("Patient", patient.fhirType());
        assertEquals("https://fhir.nhs.uk/Id/nhs-number", patient.getIdentifierFirstRep().getSystem());
        assertEquals("9434765919", patient.getIdentifierFirstRep().getValue());
        assertEquals("identifier=https://fhir.nhs.uk/Id/nhs-number|9434765919", entryOf(b, patient).getRequest()
                .getIfNoneExist());
        assertTrue(patient.getIdentifier().stream().anyMatch(i -> i.getValue().equals("H123456")), "and the MRN");

        DiagnosticReport report = only(b, DiagnosticReport.class);
        assertEquals("DiagnosticReport?identifier=urn:dxaflow:id:report|DXA-REPORT-5", entryOf(b, report).getRequest()
                .getUrl());
        // references inside the Bundle point at entries of the Bundle
        for (Reference r : report.getResult()) {
            assertTrue(fullUrls.contains(r.getReference()), r.getReference());
        }
        assertTrue(fullUrls.contains(report.getSubject().getReference()));
        assertTrue(fullUrls.contains(report.getBasedOnFirstRep().getReference()));
    }

    @Test
    void everyValueIsAnObservationWithItsLoincUcumAndRegion() {
        ReportDocument doc = OutboundExamples.bothHips();
        Bundle b = builder.build(doc, null);
        List<Observation> obs = all(b, Observation.class);
        int values = 0;
        for (SiteResult s : doc.result().sites()) {
            for (ReportQuantity q : ReportQuantity.values()) {
                BigDecimal expected = q == ReportQuantity.BMD ? s.bmd() : q == ReportQuantity.T_SCORE ? s.tScore()
                        : s.zScore();
                if (expected == null) {
                    continue;
                }
                String id = "DXA-REPORT-5-" + s.site().externalName()
                        + (s.laterality() == null ? "" : "-" + s.laterality()) + "-" + q;
                Observation o = obs.stream().filter(x -> x.getIdentifierFirstRep().getValue().equals(id)).findFirst()
                        .orElseThrow(() -> new AssertionError("no Observation " + id));
                assertEquals(codes.measurement(s.site(), s.laterality(), q).orElseThrow().code().value(),
                        o.getCode().getCodingFirstRep().getCode());
                Quantity v = o.getValueQuantity();
                assertEquals(0, expected.compareTo(v.getValue()), id);
                assertEquals(expected.toPlainString(), v.getValue().toPlainString(), "the stored value, exactly");
                assertEquals("http://unitsofmeasure.org", v.getSystem());
                assertEquals(codes.unit(q).value(), v.getCode());
                assertEquals("preliminary", o.getStatus().toCode());
                assertEquals("2026-11-28", o.getEffectiveDateTimeType().getValueAsString());
                CodeableConcept site = o.getBodySite();
                assertEquals(codes.findingSite(s.site()).value(), site.getCodingFirstRep().getCode());
                Extension side = site.getExtensionByUrl(ReportBundleBuilder.LATERALITY_EXTENSION);
                assertEquals(s.laterality() == Laterality.LEFT ? "7771000" : "24028007",
                        ((CodeableConcept) side.getValue()).getCodingFirstRep().getCode());
                values++;
            }
        }
        assertEquals(values + 1, obs.size(), "the values and the WHO category, nothing else");
        // the example's figures, written down independently
        Observation leftNeck = obs.stream().filter(x -> x.getIdentifierFirstRep().getValue()
                .equals("DXA-REPORT-5-FEMORAL_NECK-LEFT-BMD")).findFirst().orElseThrow();
        assertEquals("0.612", leftNeck.getValueQuantity().getValue().toPlainString());
        assertEquals("24701-5", leftNeck.getCode().getCodingFirstRep().getCode());
        assertEquals("http://loinc.org", leftNeck.getCode().getCodingFirstRep().getSystem());

        Observation who = obs.stream().filter(x -> x.getIdentifierFirstRep().getValue()
                .equals("DXA-REPORT-5-WHO-CATEGORY")).findFirst().orElseThrow();
        assertEquals(WhoCategory.OSTEOPENIA, doc.result().whoCategory());
        assertEquals(codes.whoCategory(WhoCategory.OSTEOPENIA).value(),
                who.getValueCodeableConcept().getCodingFirstRep().getCode());
        assertEquals("312894000", who.getValueCodeableConcept().getCodingFirstRep().getCode());
        assertEquals(Site.FEMORAL_NECK, doc.result().sites().get(0).site());
    }

    @Test
    void theDiagnosticReportCarriesStatusInterpreterConclusionAndPdf() {
        ReportDocument verified = OutboundExamples.verified(OutboundExamples.preliminary());
        Bundle b = builder.build(verified, PDF);
        DiagnosticReport r = only(b, DiagnosticReport.class);
        assertEquals("final", r.getStatus().toCode());
        assertEquals("38269-7", r.getCode().getCodingFirstRep().getCode());
        assertEquals("DXA-REPORT-5", r.getIdentifierFirstRep().getValue());
        assertEquals(verified.text().conclusion(), r.getConclusion());
        assertEquals("application/pdf", r.getPresentedFormFirstRep().getContentType());
        assertArrayEquals(PDF, r.getPresentedFormFirstRep().getData());
        assertFalse(r.getPresentedFormFirstRep().getTitle().isBlank());
        assertEquals(1, r.getResultsInterpreter().size());
        assertTrue(all(b, Observation.class).stream().allMatch(o -> o.getStatus().toCode().equals("final")));

        DiagnosticReport prelim = only(builder.build(OutboundExamples.preliminary(), null), DiagnosticReport.class);
        assertEquals("preliminary", prelim.getStatus().toCode());
        assertTrue(prelim.getResultsInterpreter().isEmpty());
        assertTrue(prelim.getPresentedForm().isEmpty());

        DiagnosticReport amended = only(builder.build(OutboundExamples.amended(verified), PDF), DiagnosticReport.class);
        assertEquals("amended", amended.getStatus().toCode());
    }

    private static <T extends Resource> List<T> all(Bundle b, Class<T> type) {
        return b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
    }

    private static <T extends Resource> T only(Bundle b, Class<T> type) {
        List<T> found = all(b, type);
        assertEquals(1, found.size(), type.getSimpleName());
        return found.get(0);
    }

    private static Bundle.BundleEntryComponent entryOf(Bundle b, Resource r) {
        return b.getEntry().stream().filter(e -> e.getResource() == r).findFirst().orElseThrow();
    }
}
