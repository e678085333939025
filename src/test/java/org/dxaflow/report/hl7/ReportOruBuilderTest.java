package org.dxaflow.report.hl7;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.v251.datatype.CE;
import ca.uhn.hl7v2.model.v251.datatype.CWE;
import ca.uhn.hl7v2.model.v251.datatype.ED;
import ca.uhn.hl7v2.model.v251.datatype.FT;
import ca.uhn.hl7v2.model.v251.datatype.NM;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.model.v251.segment.MSH;
import ca.uhn.hl7v2.model.v251.segment.OBR;
import ca.uhn.hl7v2.model.v251.segment.OBX;
import ca.uhn.hl7v2.model.v251.segment.PID;
import ca.uhn.hl7v2.validation.MessageValidator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dxaflow.densitometry.ChangeResult;
import org.dxaflow.densitometry.DensitometryResult;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Site;
import org.dxaflow.densitometry.SiteResult;
import org.dxaflow.densitometry.WhoCategory;
import org.dxaflow.dicom.sr.Code;
import org.dxaflow.report.OutboundExamples;
import org.dxaflow.report.ReportCodes;
import org.dxaflow.report.ReportDocument;
import org.dxaflow.report.ReportExamples;
import org.dxaflow.report.ReportQuantity;
import org.junit.jupiter.api.Test;

/** The ORU as a receiver's HAPI reads it: v2.5.1, valid, and carrying the result's own figures. */
class ReportOruBuilderTest {

    private static final Instant SENT = Instant.parse("2026-11-28T11:00:00Z");
    private static final byte[] PDF = "%PDF-1.7 fake|^~\\& report".getBytes(StandardCharsets.ISO_8859_1);

    private final ReportCodes codes = OutboundExamples.codes();
    private final ReportOruBuilder builder = new ReportOruBuilder(codes, "DXAFLOW", "DXA");
    private final HapiContext hapi = new DefaultHapiContext(ValidationContextFactory.defaultValidation());

    /** One OBX as read back: its sub-ID group and the parsed value. */
    private record Row(String type, String code, String system, String subId, Type value, String unit, String unitSystem,
                       String status) {
    }

    private ORU_R01 parse(String er7) throws Exception {
        Message m = hapi.getPipeParser().parse(er7);
        assertTrue(m instanceof ORU_R01, m.getClass().getName());
        assertEquals("2.5.1", m.getVersion());
        assertTrue(new MessageValidator(hapi.getValidationContext(), true).validate(m));
        // every segment landed where v2.5.1 puts it: HAPI writes back exactly what was sent
        assertEquals(er7, hapi.getPipeParser().encode(m));
        return (ORU_R01) m;
    }

    private static List<Row> rows(ORU_R01 oru) throws Exception {
        List<Row> rows = new ArrayList<>();
        var order = oru.getPATIENT_RESULT().getORDER_OBSERVATION();
        for (int i = 0; i < order.getOBSERVATIONReps(); i++) {
            OBX obx = order.getOBSERVATION(i).getOBX();
            assertEquals(String.valueOf(i + 1), obx.getSetIDOBX().getValue());
            CE id = obx.getObservationIdentifier();
            rows.add(new Row(obx.getValueType().getValue(), id.getIdentifier().getValue(),
                    id.getNameOfCodingSystem().getValue(), obx.getObservationSubID().getValue(),
                    obx.getObservationValue(0).getData(), obx.getUnits().getIdentifier().getValue(),
                    obx.getUnits().getNameOfCodingSystem().getValue(), obx.getObservationResultStatus().getValue()));
        }
        return rows;
    }

    /** Sub-ID of each region, read from its Finding Site and Laterality rows. */
    private Map<String, String> regionOfSubId(List<Row> rows) {
        Map<String, String> site = new TreeMap<>();
        for (Row r : rows) {
            if (r.code().equals(codes.findingSiteConcept().value())) {
                site.merge(r.subId(), ((CWE) r.value()).getIdentifier().getValue(), (a, b) -> a + "/" + b);
            }
            if (r.code().equals(codes.lateralityConcept().value())) {
                site.merge(r.subId(), ((CWE) r.value()).getIdentifier().getValue(), (a, b) -> a + "/" + b);
            }
        }
        return site;
    }

    private String regionKey(Site site, Laterality side) {
        String key = codes.findingSite(site).value();
        return side == null ? key : key + "/" + codes.laterality(side).orElseThrow().value();
    }

    private Row valueRow(List<Row> rows, Map<String, String> regions, String code, Site site, Laterality side) {
        List<Row> found = rows.stream().filter(r -> r.code().equals(code))
                .filter(r -> regionKey(site, side).equals(regions.get(r.subId()))).toList();
        assertEquals(1, found.size(), "rows coded " + code + " for " + site + " " + side);
        return found.get(0);
    }

    @Test
    void aPreliminaryReportIsAValidV251OruWithStatusP() throws Exception {
        ReportDocument doc = OutboundExamples.preliminary();
        String er7 = builder.build(doc, null, "DXR5-1", "RIS", "RXA", SENT);
        ORU_R01 oru = parse(er7);

        MSH msh = oru.getMSH();
        assertEquals("ORU", msh.getMessageType().getMessageCode().getValue());
        assertEquals("R01", msh.getMessageType().getTriggerEvent().getValue());
        assertEquals("ORU_R01", msh.getMessageType().getMessageStructure().getValue());
        assertEquals("DXR5-1", msh.getMessageControlID().getValue());
        assertEquals("20261128110000+0000", msh.getDateTimeOfMessage().getTime().getValue());
        assertEquals("RIS", msh.getReceivingApplication().getNamespaceID().getValue());

        PID pid = oru.getPATIENT_RESULT().getPATIENT().getPID();
        assertEquals("H123456", pid.getPatientIdentifierList(0).getIDNumber().getValue());
        assertEquals("HOSP", pid.getPatientIdentifierList(0).getAssigningAuthority().getNamespaceID().getValue());
        assertEquals("9434765919", pid.getPatientIdentifierList(1).getIDNumber().getValue());
        assertEquals("NHS", pid.getPatientIdentifierList(1).getAssigningAuthority().getNamespaceID().getValue());
        assertEquals("NH", pid.getPatientIdentifierList(1).getIdentifierTypeCode().getValue());
        assertEquals("SMITH", pid.getPatientName(0).getFamilyName().getSurname().getValue());
        assertEquals("19550312", pid.getDateTimeOfBirth().getTime().getValue());
        assertEquals("F", pid.getAdministrativeSex().getValue());
        assertEquals("O", oru.getPATIENT_RESULT().getPATIENT().getVISIT().getPV1().getPatientClass().getValue());

        var orderObs = oru.getPATIENT_RESULT().getORDER_OBSERVATION();
        assertEquals("RE", orderObs.getORC().getOrderControl().getValue());
        OBR obr = orderObs.getOBR();
        assertEquals("P-1001", obr.getPlacerOrderNumber().getEntityIdentifier().getValue());
        assertEquals("RIS", obr.getPlacerOrderNumber().getNamespaceID().getValue());
        assertEquals("F-1001", obr.getFillerOrderNumber().getEntityIdentifier().getValue());
        assertEquals("38269-7", obr.getUniversalServiceIdentifier().getIdentifier().getValue());
        assertEquals("LN", obr.getUniversalServiceIdentifier().getNameOfCodingSystem().getValue());
        assertEquals("20261128", obr.getObservationDateTime().getTime().getValue());
        assertEquals("C7654321", obr.getOrderingProvider(0).getIDNumber().getValue());
        assertEquals("P", obr.getResultStatus().getValue());
        assertEquals("", nz(obr.getPrincipalResultInterpreter().getNDLName().getIDNumber().getValue()));

        for (Row r : rows(oru)) {
            assertEquals("P", r.status(), "OBX-11 of " + r.code());
        }
    }

    @Test
    void everyMeasuredValueGoesWithItsLoincCodeUnitAndRegion() throws Exception {
        ReportDocument doc = OutboundExamples.preliminary();
        List<Row> rows = rows(parse(builder.build(doc, null, "C1", "RIS", "RXA", SENT)));
        Map<String, String> regions = regionOfSubId(rows);
        DensitometryResult result = doc.result();
        int values = 0;
        for (SiteResult s : result.sites()) {
            for (ReportQuantity q : ReportQuantity.values()) {
                BigDecimal expected = q == ReportQuantity.BMD ? s.bmd() : q == ReportQuantity.T_SCORE ? s.tScore()
                        : s.zScore();
                if (expected == null) {
                    continue;
                }
                Code code = codes.measurement(s.site(), s.laterality(), q).orElseThrow().code();
                Row row = valueRow(rows, regions, code.value(), s.site(), s.laterality());
                assertEquals("NM", row.type());
                assertEquals(code.scheme(), row.system());
                assertEquals(expected.toPlainString(), ((NM) row.value()).getValue(), s.site() + " " + q);
                assertEquals(codes.unit(q).value(), row.unit());
                values++;
            }
        }
        assertEquals(rows.stream().filter(r -> r.type().equals("NM") && !r.code().startsWith("BMD-CHANGE")).count(),
                values, "no NM value row that is not one of the result's");
        // the figures the example was made from, written down independently of the code under test
        Row neck = valueRow(rows, regions, "24701-5", Site.FEMORAL_NECK, Laterality.LEFT);
        assertEquals("0.600", ((NM) neck.value()).getValue());
        assertEquals("g/cm2", neck.unit());
        assertEquals("UCUM", neck.unitSystem());
    }

    @Test
    void changeSincePriorIsSentWhereComputed() throws Exception {
        ReportDocument doc = OutboundExamples.preliminary();
        String er7 = builder.build(doc, null, "C1", "RIS", "RXA", SENT);
        List<Row> rows = rows(parse(er7));
        Map<String, String> regions = regionOfSubId(rows);
        List<ChangeResult> changes = doc.result().change();
        assertFalse(changes.isEmpty(), "the example has a prior");
        for (ChangeResult c : changes) {
            Site site = Site.parse(c.site()).orElseThrow();
            if (c.deltaBmd() == null) {
                continue;
            }
            Row delta = valueRow(rows, regions, codes.change().bmd().value(), site, c.laterality());
            assertEquals(c.deltaBmd().toPlainString(), ((NM) delta.value()).getValue());
            assertEquals("g/cm2", delta.unit());
            Row pct = valueRow(rows, regions, codes.change().percent().value(), site, c.laterality());
            assertEquals(c.percent().toPlainString(), ((NM) pct.value()).getValue());
            assertEquals("%", pct.unit());
        }
        assertTrue(er7.contains("|g/cm2^g/cm2^UCUM|"), "units as CWE with the UCUM coding system");
    }

    @Test
    void twoFemoralNecksStayApart() throws Exception {
        ReportDocument doc = OutboundExamples.bothHips();
        List<Row> rows = rows(parse(builder.build(doc, null, "C2", "RIS", "RXA", SENT)));
        Map<String, String> regions = regionOfSubId(rows);
        Row left = valueRow(rows, regions, "24701-5", Site.FEMORAL_NECK, Laterality.LEFT);
        Row right = valueRow(rows, regions, "24701-5", Site.FEMORAL_NECK, Laterality.RIGHT);
        assertNotEquals(left.subId(), right.subId());
        assertEquals("0.612", ((NM) left.value()).getValue());
        assertEquals("0.705", ((NM) right.value()).getValue());
        assertEquals("29627003/7771000", regions.get(left.subId()), "SNOMED neck of femur, left");
        assertEquals("29627003/24028007", regions.get(right.subId()));
    }

    @Test
    void theWhoCategoryIsACodedObxAndAnUnderFiftyIsNotClassified() throws Exception {
        ReportDocument doc = OutboundExamples.bothHips();
        assertEquals(WhoCategory.OSTEOPENIA, doc.result().whoCategory(), "the example's category");
        Row who = single(rows(parse(builder.build(doc, null, "C3", "RIS", "RXA", SENT))), "WHO-CATEGORY");
        assertEquals("CWE", who.type());
        assertEquals(codes.whoCategory(doc.result().whoCategory()).value(), ((CWE) who.value()).getIdentifier().getValue());
        assertEquals("312894000", ((CWE) who.value()).getIdentifier().getValue());
        assertEquals("SCT", ((CWE) who.value()).getNameOfCodingSystem().getValue());

        ReportDocument young = ReportExamples.underFifty();
        assertEquals(null, young.result().whoCategory());
        Row none = single(rows(parse(builder.build(young, null, "C4", "RIS", "RXA", SENT))), "WHO-CATEGORY");
        assertEquals("WHO-NOT-CLASS", ((CWE) none.value()).getIdentifier().getValue());
    }

    @Test
    void theNarrativeIsEscapedFormattedTextThatReadsBackAsWritten() throws Exception {
        ReportDocument doc = OutboundExamples.preliminary();
        String er7 = builder.build(doc, null, "C5", "RIS", "RXA", SENT);
        String ftLine = List.of(er7.split("\r")).stream().filter(l -> l.contains("|FT|")).findFirst().orElseThrow();
        assertTrue(ftLine.contains("Sites \\F\\ L1-L4 \\S\\ hips \\T\\ more \\R\\ see C:\\E\\scans\\E\\dxa."), ftLine);
        assertTrue(ftLine.contains("\\.br\\Second line."), ftLine);
        assertFalse(er7.contains("\n"), "no raw line break inside a segment");

        Row ft = single(rows(parse(er7)), "38269-7", "FT");
        String read = ((FT) ft.value()).getValue().replace("\\.br\\", "\n");
        assertEquals(doc.text().plainText(), read);
        assertTrue(read.contains(OutboundExamples.AWKWARD_TEXT));
    }

    @Test
    void thePdfTravelsAsBase64OnlyWhenGiven() throws Exception {
        ReportDocument doc = OutboundExamples.preliminary();
        assertTrue(rows(parse(builder.build(doc, null, "C6", "RIS", "RXA", SENT))).stream()
                .noneMatch(r -> r.type().equals("ED")));
        Row ed = single(rows(parse(builder.build(doc, PDF, "C6", "RIS", "RXA", SENT))), "38269-7", "ED");
        ED data = (ED) ed.value();
        assertEquals("AP", data.getTypeOfData().getValue());
        assertEquals("PDF", data.getDataSubtype().getValue());
        assertEquals("Base64", data.getEncoding().getValue());
        assertArrayEquals(PDF, Base64.getDecoder().decode(data.getData().getValue()));
    }

    @Test
    void aVerifiedReportIsFinalWithItsInterpreterAndAnAmendmentIsCorrected() throws Exception {
        ReportDocument verified = OutboundExamples.verified(OutboundExamples.preliminary());
        ORU_R01 oru = parse(builder.build(verified, null, "C7", "RIS", "RXA", SENT));
        OBR obr = oru.getPATIENT_RESULT().getORDER_OBSERVATION().getOBR();
        assertEquals("F", obr.getResultStatus().getValue());
        assertEquals("rep1", obr.getPrincipalResultInterpreter().getNDLName().getIDNumber().getValue());
        assertEquals("Dr Ada Lovelace", obr.getPrincipalResultInterpreter().getNDLName().getFamilyName().getValue());
        assertEquals("20261128111500+0000", obr.getPrincipalResultInterpreter().getStartDateTime().getTime().getValue());
        assertTrue(rows(oru).stream().allMatch(r -> r.status().equals("F")));

        ORU_R01 amended = parse(builder.build(OutboundExamples.amended(verified), null, "C8", "RIS", "RXA", SENT));
        assertEquals("C", amended.getPATIENT_RESULT().getORDER_OBSERVATION().getOBR().getResultStatus().getValue());
        assertTrue(rows(amended).stream().allMatch(r -> r.status().equals("C")));
    }

    private static Row single(List<Row> rows, String code) {
        List<Row> found = rows.stream().filter(r -> r.code().equals(code)).toList();
        assertEquals(1, found.size(), code);
        return found.get(0);
    }

    private static Row single(List<Row> rows, String code, String type) {
        return single(rows.stream().filter(r -> r.type().equals(type)).toList(), code);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
