package org.dxaflow.results;

import static org.dxaflow.testing.Decimals.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.dxaflow.dicom.testing.TestObjects;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.Samples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results end to end on one engine: each shipped sample sent as a scanner sends it (DCMTK storescu
 * to the Storage SCP, MLLP for the ORU), matched to its order, computed and stored; unmatched and
 * unmappable results kept and listed. Every expected score is worked out here by hand from the
 * cited reference values in conf/ (NHANES III women 20-29: femoral neck 0.858 +/- 0.120, total hip
 * 0.942 +/- 0.122 g/cm2, Hologic scale; sBMD equations in conf/reference-data/sbmd-equations.yaml).
 */
class ResultsIngestTest {

    @TempDir
    static Path work;

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.shipped();
    static final Http http = engine.http();
    static ScannerTools scanner;

    /** An order as the RIS sends it, with the referral answers the computation reads (99DXA codes). */
    static String order(String control, String placer, String accession, String mrn, String nhs, String name,
                        String birth, String sex, String requested, String menopause, String fracture) {
        return String.join("\r",
                "MSH|^~\\&|CRIS|RXA|DXAFLOW|DXA|20261120090000||ORM^O01^ORM_O01|" + control + "|P|2.4",
                "PID|1||" + nhs + "^^^NHS^NH~" + mrn + "^^^RXA^MR||" + name + "||" + birth + "|" + sex,
                "PV1|1|O",
                "ORC|NW|" + placer + "^CRIS|||||^^^" + requested + "^^R||20261120090000|||C3456789^PATEL^ANITA^^^DR",
                "OBR|1|" + placer + "^CRIS||XDXAS^DXA scan lumbar spine and hip^L|||||||||Follow-up|||"
                        + "C3456789^PATEL^ANITA^^^DR||" + accession,
                "OBX|1|CE|MENOPAUSE^Postmenopausal^99DXA||" + menopause + "||||||F",
                "OBX|2|CE|FRACTURE_AFTER_40^Low-trauma fracture after age 40^99DXA||" + fracture + "||||||F",
                // A reason the written criteria justify for any adult, so the gate schedules the order.
                "OBX|3|CE|REFREASON^Reason for referral^99DXA||DISEASE_MEDICATION^Disease or medication^99DXA||||||F",
                "OBX|4|CE|CONDITION^Condition^99DXA||INFLAMMATORY_ARTHRITIS^Inflammatory arthritis^99DXA||||||F");
    }

    @BeforeAll
    static void start() throws IOException {
        scanner = new ScannerTools(work, engine.dicomPort());
        engine.acceptAll(List.of(
                Samples.hl7("results/orm-o01-v24-order-woman-fracture.hl7"),
                Samples.hl7("results/orm-o01-v24-order-man.hl7"),
                // one patient, a scan in 2024 and its follow-up in 2026 (example SR layout)
                order("T-R3", "ORD500003", "ACC500003", "RX5000003", "9990000123", "ASHWORTH^EILEEN^^^MRS",
                        "19550312", "F", "20241120", "Y", "N"),
                order("T-R4", "ORD500004", "ACC500004", "RX5000003", "9990000123", "ASHWORTH^EILEEN^^^MRS",
                        "19550312", "F", "20261128", "Y", "N"),
                // a man whose scanner sends no accession number: matched by patient ID and scan date
                order("T-R5", "ORD500005", "ACC500005", "RX5000004", "9990000131", "DENTON^ALAN^^^MR",
                        "19580101", "M", "20261201", "", "N")));
        Await.until("orders applied", Duration.ofSeconds(20), () -> http.orders(""), a -> a.size() == 5);
    }

    static long orderId(String accession) {
        return http.orders("accessionNumber=" + accession).get(0).get("id").asLong();
    }

    static JsonNode awaitResult(String accession, String status) {
        long id = orderId(accession);
        return Await.until("result for " + accession, Duration.ofSeconds(20),
                () -> http.get("/api/orders/" + id + "/result"),
                r -> r.status() == 200 && r.json().get("status").asText().equals(status)).json();
    }

    static JsonNode site(JsonNode result, String site, String laterality) {
        for (JsonNode s : result.get("densitometry").get("sites")) {
            if (s.get("site").asText().equals(site)
                    && (laterality == null ? s.get("laterality").isNull() : s.get("laterality").asText().equals(laterality))) {
                return s;
            }
        }
        throw new AssertionError("no " + site + " " + laterality + " in " + result);
    }

    static boolean hasFlag(JsonNode result, String code, String site) {
        for (JsonNode f : result.get("densitometry").get("flags")) {
            if (f.get("code").asText().equals(code) && (site == null || site.equals(f.get("site").asText()))) {
                return true;
            }
        }
        return false;
    }

    static String exampleSr(String sop, String date, String study, String accession, String spine, String neck,
                            String hip) throws IOException {
        return Files.readString(Path.of("src/test/resources/results/example-sr.dump"), StandardCharsets.ISO_8859_1)
                .replace("@SOP@", sop).replace("@DATE@", date).replace("@STUDY@", study)
                .replace("@ACCESSION@", accession).replace("@SPINE@", spine).replace("@NECK@", neck)
                .replace("@HIP@", hip);
    }

    static String sendHl7(String message) throws IOException {
        return engine.send(message);
    }

    @Test
    void loincCodedSrFromAGeScannerIsConvertedScoredAndClassified() throws Exception {
        // the shipped object is what dump2dcm makes of the shipped dump
        Path sample = Path.of("samples/dicom/loinc-sr.dcm");
        assertEquals(TestObjects.dataSetDump(scanner.object(Files.readString(Path.of("samples/dicom/loinc-sr.dump"),
                StandardCharsets.ISO_8859_1), "loinc-check")), TestObjects.dataSetDump(sample));
        scanner.storescu(sample);
        JsonNode r = awaitResult("ACC500001", "COMPUTED");
        assertEquals("loinc-sr", r.get("source").get("mapping").asText());
        assertEquals("ACCESSION_NUMBER", r.get("matchMethod").asText()); // no worklist UID on this order
        assertEquals("GE_LUNAR", r.get("scan").get("scale").asText());
        assertEquals("Lunar USA spine; NHANES III femur (example)", r.get("scan").get("referenceDatabase").asText());

        // Femoral neck, left, GE Lunar 0.680 g/cm2 moved onto the Hologic scale of NHANES III (sBMD):
        //   sBMD = -0.023 + 0.939 x 0.680 = 0.61552; Hologic = (0.61552 - 0.019) / 1.087 = 0.548776...
        //   T = (0.548776 - 0.858) / 0.120 = -2.5769 -> -2.6
        JsonNode neck = site(r, "FEMORAL_NECK", "LEFT");
        assertDecimal("-2.6", neck.get("tScore"));
        assertDecimal("-2.3", neck.get("vendorTScore"));
        assertTrue(neck.get("conversion").asText().contains("sBMD"), neck.toString());
        assertDecimal("0.858", neck.get("reference").get("mean"));
        // Total hip, left, 0.823: sBMD = -0.031 + 0.979 x 0.823 = 0.774717; Hologic = (0.774717 - 0.006)
        //   / 1.008 = 0.762616...; T = (0.762616 - 0.942) / 0.122 = -1.4704 -> -1.5
        assertDecimal("-1.5", site(r, "TOTAL_HIP", "LEFT").get("tScore"));
        // |-2.5769 - (-2.3)| = 0.277 > 0.2 is flagged; |-1.4704 - (-1.3)| = 0.170 is not
        assertTrue(hasFlag(r, "VENDOR_DISAGREEMENT", "FEMORAL_NECK"));
        assertFalse(hasFlag(r, "VENDOR_DISAGREEMENT", "TOTAL_HIP"));

        // Spine (vendor per-vertebra T: L1 -2.0, L2 -2.1, L3 -1.9, L4 +0.3): L4 differs from its only
        // neighbour L3 by 2.2 > 1.0 and is excluded; L1-L3 remain (no pair differs by > 1.0).
        //   BMD = (12.75 + 14.08 + 15.30) / (15.00 + 16.00 + 17.00) = 42.13 / 48 = 0.87771 -> 0.878
        //   No lumbar reference configured: the vendor's L1-L3 T-score -2.0, labelled VENDOR.
        JsonNode spine = r.get("densitometry").get("spine");
        assertEquals("L1-L3", spine.get("label").asText());
        assertDecimal("0.878", spine.get("bmd"));
        assertEquals("L4", spine.get("excludedVertebrae").get(0).get("site").asText());
        assertDecimal("-2.0", spine.get("tScore"));
        assertEquals("VENDOR", spine.get("tScoreSource").asText());

        // Lowest of spine -2.0, neck -2.6, hip -1.5 is the neck; -2.6 <= -2.5 with a fragility fracture
        // (referral FRACTURE_AFTER_40=Y) in a postmenopausal woman (MENOPAUSE=Y): severe osteoporosis.
        JsonNode lowest = r.get("densitometry").get("lowestTScore");
        assertEquals("FEMORAL_NECK", lowest.get("site").asText());
        assertDecimal("-2.6", lowest.get("value"));
        assertEquals("SEVERE_OSTEOPOROSIS", r.get("densitometry").get("whoCategory").asText());
        JsonNode inputs = r.get("inputs");
        assertEquals("referral MENOPAUSE=Y", inputs.get("menopausalSource").asText());
        assertEquals("referral FRACTURE_AFTER_40=Y", inputs.get("fragilityFractureSource").asText());
        assertEquals(71, inputs.get("ageAtScan").asInt()); // born 1955-03-12, scanned 2026-11-28
        assertTrue(hasFlag(r, "FRAX_FROM_REFERRAL", null)); // FRAX 18.5 % / 4.2 % on the referral
        // provenance: the cited dataset and the LSC source
        JsonNode provenance = r.get("densitometry").get("provenance");
        assertTrue(provenance.get("referenceDatasets").toString().contains("NHANES III"), provenance.toString());
        assertTrue(provenance.get("engineVersion").asText().startsWith("dxaflow-densitometry"));

        // the SR is kept: spooled file and object row, linked from the result
        JsonNode objects = http.get("/api/objects?accessionNumber=ACC500001").json();
        assertEquals(1, objects.size());
        assertEquals(objects.get(0).get("id").asLong(), r.get("source").get("storedObjectId").asLong());
        assertTrue(Files.exists(Path.of(objects.get(0).get("filePath").asText())));
        // Justified and scheduled by the gate; results without MPPS mean the scan was done.
        assertEquals("COMPLETED", http.orders("accessionNumber=ACC500001").get(0).get("status").asText());
    }

    @Test
    void exampleSrFromTheWorklistIsMatchedByStudyUidAndComparedWithThePriorScan() throws Exception {
        // 2024: the scanner had no worklist; no accession, its own study UID: matched by patient + date
        scanner.storescu(scanner.object(exampleSr("2.25.500003001", "20241120", "2.25.500003002", "",
                "0.940", "0.750", "0.850"), "prior"));
        JsonNode prior = awaitResult("ACC500003", "COMPUTED");
        assertEquals("PATIENT_ID_SCAN_DATE", prior.get("matchMethod").asText());
        // the recorder could not tie the SR to an order (no accession, unknown study); the result did
        JsonNode storedPrior = null;
        for (JsonNode o : http.get("/api/objects?status=RECEIVED").json()) {
            storedPrior = o.get("sopInstanceUid").asText().equals("2.25.500003001") ? o : storedPrior;
        }
        assertNotNull(storedPrior, "the prior SR is filed under its order");
        assertEquals(prior.get("orderId").asLong(), storedPrior.get("orderId").asLong());

        // 2026: scanned from the worklist item, so the SR carries the order's Study Instance UID
        String study = scanner.studyUidFromWorklist("ACC500004");
        scanner.storescu(scanner.object(exampleSr("2.25.500004001", "20261128", study, "ACC500004",
                "0.912", "0.701", "0.823"), "current"));
        JsonNode r = awaitResult("ACC500004", "COMPUTED");
        assertEquals("example-sr", r.get("source").get("mapping").asText());
        assertEquals("STUDY_INSTANCE_UID", r.get("matchMethod").asText());
        assertEquals("HOLOGIC", r.get("scan").get("scale").asText());
        assertDecimal("162", r.get("scan").get("heightCm")); // PatientSize 1.62 m

        // Hologic scale, no conversion:
        //   neck T = (0.701 - 0.858) / 0.120 = -1.3083 -> -1.3 (vendor -2.1: |diff| 0.79 > 0.2, flagged)
        //   hip  T = (0.823 - 0.942) / 0.122 = -0.9754 -> -1.0 (vendor -1.4: |diff| 0.42 > 0.2, flagged)
        assertDecimal("-1.3", site(r, "FEMORAL_NECK", "LEFT").get("tScore"));
        assertDecimal("-1.0", site(r, "TOTAL_HIP", "LEFT").get("tScore"));
        assertTrue(hasFlag(r, "VENDOR_DISAGREEMENT", "FEMORAL_NECK"));
        assertTrue(hasFlag(r, "VENDOR_DISAGREEMENT", "TOTAL_HIP"));
        // spine L1-L4 has no reference: vendor -1.8. Lowest of -1.8, -1.3, -1.0 is -1.8: osteopenia
        // (-2.5 < -1.8 < -1.0) for a postmenopausal woman without fragility fracture.
        assertDecimal("-1.8", r.get("densitometry").get("lowestTScore").get("value"));
        assertEquals("L1-L4", r.get("densitometry").get("lowestTScore").get("site").asText());
        assertEquals("OSTEOPENIA", r.get("densitometry").get("whoCategory").asText());

        // serial change against the 2024 result from the database (LSC conf/densitometry/lsc.yaml):
        //   neck  0.701 - 0.750 = -0.049 (-6.5 %), |-0.049| >= 0.035: significant
        //   hip   0.823 - 0.850 = -0.027 (-3.2 %), |-0.027| >= 0.025: significant
        //   spine 0.912 - 0.940 = -0.028 (-3.0 %), |-0.028| <  0.030: not significant
        assertEquals(prior.get("id").asLong(), r.get("priorResultId").asLong());
        assertEquals("2024-11-20", r.get("inputs").get("priorScanDate").asText());
        JsonNode changes = r.get("densitometry").get("change");
        assertChange(changes, "FEMORAL_NECK", "-0.049", "-6.5", true);
        assertChange(changes, "TOTAL_HIP", "-0.027", "-3.2", true);
        assertChange(changes, "L1-L4", "-0.028", "-3.0", false);
        assertTrue(hasFlag(r, "SIGNIFICANT_BMD_LOSS", "FEMORAL_NECK"));
        assertFalse(hasFlag(r, "SIGNIFICANT_BMD_LOSS", "L1-L4"));
    }

    static void assertChange(JsonNode changes, String site, String delta, String percent, boolean significant) {
        for (JsonNode c : changes) {
            if (c.get("site").asText().equals(site)) {
                assertDecimal(delta, c.get("deltaBmd"));
                assertDecimal(percent, c.get("percent"));
                assertEquals(significant, c.get("significant").asBoolean(), c.toString());
                return;
            }
        }
        throw new AssertionError("no change at " + site + " in " + changes);
    }

    @Test
    void oruProfileOverMllpIsMatchedByAccessionAndScoredAtTheNormalBoundary() throws Exception {
        String ack = sendHl7(Samples.hl7("results/oru-r01-v251-example.hl7"));
        assertEquals("AA", Samples.field(ack, "MSA", 1), ack);
        JsonNode r = awaitResult("ACC500002", "COMPUTED");
        assertEquals("example-oru", r.get("source").get("mapping").asText());
        assertEquals("HL7_ORU", r.get("source").get("type").asText());
        assertNotNull(r.get("source").get("inboundMessageId"));
        assertEquals("ACCESSION_NUMBER", r.get("matchMethod").asText());
        // A man of 66 (born 1960-05-20): WHO applies from 50; T against the female reference (ISCD)
        //   neck (0.738 - 0.858) / 0.120 = -1.0 exactly; hip (0.820 - 0.942) / 0.122 = -1.0 exactly
        //   spine: vendor -0.4. Lowest -1.0, and T >= -1.0 is NORMAL (the boundary belongs to normal).
        assertDecimal("-1.0", site(r, "FEMORAL_NECK", "LEFT").get("tScore"));
        assertDecimal("-1.0", site(r, "TOTAL_HIP", "LEFT").get("tScore"));
        assertDecimal("-1.0", r.get("densitometry").get("lowestTScore").get("value"));
        assertEquals("NORMAL", r.get("densitometry").get("whoCategory").asText());
        assertEquals("Horizon A", r.get("scan").get("model").asText());
        assertDecimal("82.4", r.get("scan").get("weightKg"));
        assertEquals("not applicable (male)", r.get("inputs").get("menopausalSource").asText());
    }

    @Test
    void oruWithoutAccessionIsMatchedByPatientAndScanDate() throws Exception {
        String oru = Samples.withControlId(Samples.hl7("results/oru-r01-v251-example.hl7"), "EX-PD-1")
                .replace("RX5000002^^^RXA^MR~9990000115^^^NHS^NH", "RX5000004^^^RXA^MR~9990000131^^^NHS^NH")
                .replace("|ACC500002|", "||").replace("|20261128101500|", "|20261201093000|");
        assertEquals("AA", Samples.field(sendHl7(oru), "MSA", 1));
        JsonNode r = awaitResult("ACC500005", "COMPUTED");
        assertEquals("PATIENT_ID_SCAN_DATE", r.get("matchMethod").asText());
        assertEquals("2026-12-01", r.get("inputs").get("scanDate").asText());
    }

    @Test
    void aResultForNoKnownOrderLandsInReconciliation() throws Exception {
        String oru = Samples.withControlId(Samples.hl7("results/oru-r01-v251-example.hl7"), "EX-UNMATCHED")
                .replace("ACC500002", "ACC999999").replace("RX5000002", "RX9999999")
                .replace("~9990000115^^^NHS^NH", "");
        assertEquals("AA", Samples.field(sendHl7(oru), "MSA", 1));
        JsonNode unmatched = Await.until("unmatched result listed", Duration.ofSeconds(20),
                () -> http.get("/api/results/unmatched").json(), a -> find(a, "accessionNumber", "ACC999999") != null);
        JsonNode r = find(unmatched, "accessionNumber", "ACC999999");
        assertEquals("UNMATCHED", r.get("status").asText());
        assertTrue(r.get("orderId").isNull());
        assertTrue(r.get("error").asText().contains("no order for this patient"), r.toString());
        // kept with everything the mapping read, ready to be filed
        assertEquals(3, r.get("measurements").size());
        assertEquals("RX9999999", r.get("identifiers").get("patientIdentifier").asText());
    }

    @Test
    void theShippedExampleSrSampleIsReadByItsMapping() throws Exception {
        // samples/dicom/example-sr.dcm exactly as shipped (written by scanner-sim's SR builder); no
        // order has its accession DXA0000001, so it is read and kept for reconciliation.
        scanner.storescu(Path.of("samples/dicom/example-sr.dcm"));
        JsonNode unmatched = Await.until("example SR listed", Duration.ofSeconds(20),
                () -> http.get("/api/results/unmatched").json(), a -> find(a, "accessionNumber", "DXA0000001") != null);
        JsonNode r = find(unmatched, "accessionNumber", "DXA0000001");
        assertEquals("UNMATCHED", r.get("status").asText());
        assertTrue(r.get("measurements").size() > 0, r.toString());
        assertEquals("EX0001", r.get("identifiers").get("patientIdentifier").asText());
    }

    @Test
    void aResultWhosePatientIsNotTheOrdersPatientIsNotFiled() throws Exception {
        // the example SR's patient (RX5000003) with another patient's accession number (ACC500002)
        scanner.storescu(scanner.object(exampleSr("2.25.500009001", "20261128", "2.25.500009002", "ACC500002",
                "0.912", "0.701", "0.823"), "wrong-patient"));
        JsonNode r = Await.until("result listed", Duration.ofSeconds(20), () -> http.get("/api/results/unmatched").json(),
                a -> find(a, "studyInstanceUid", "2.25.500009002") != null);
        JsonNode found = find(r, "studyInstanceUid", "2.25.500009002");
        assertTrue(found.get("error").asText().contains("is not that order's patient"), found.toString());
    }

    @Test
    void anObjectNoMappingReadsIsVisibleWithItsError() throws Exception {
        String basicText = Files.readString(Path.of("src/test/resources/dicom/net/basic-text-sr.dump"),
                StandardCharsets.ISO_8859_1).replace("2.25.281104815297016101318917063211001", "2.25.500010001");
        scanner.storescu(scanner.object(basicText, "basic-text"));
        String unknownSender = Samples.withControlId(Samples.hl7("results/oru-r01-v251-example.hl7"), "EX-UNKNOWN")
                .replace("|EXDXA|DXA|", "|OTHERDXA|DXA|");
        assertEquals("AA", Samples.field(sendHl7(unknownSender), "MSA", 1));
        JsonNode errors = Await.until("unmappable results listed", Duration.ofSeconds(20),
                () -> http.get("/api/results?status=UNMAPPABLE").json(), a -> a.size() >= 2);
        JsonNode sr = null;
        JsonNode oru = null;
        for (JsonNode e : errors) {
            if (e.get("source").get("ref").asText().equals("2.25.500010001")) {
                sr = e;
            } else if (e.get("source").get("type").asText().equals("HL7_ORU")) {
                oru = e;
            }
        }
        assertNotNull(sr, errors.toString());
        assertTrue(sr.get("error").asText().startsWith("no mapping in mappings/results matches this object"),
                sr.toString());
        assertNotNull(oru, errors.toString());
        assertTrue(oru.get("error").asText().contains("MSH-3 'OTHERDXA' does not match"), oru.toString());
    }

    @Test
    void computeApiAnswersOverHttpAndRefusesUnknownFields() {
        Http.Reply ok = http.post("/api/densitometry/compute", """
                {"sex":"F","birthDate":"1955-03-12","scanDate":"2026-11-28","manufacturer":"HOLOGIC",
                 "menopausal":true,"fragilityFracture":false,
                 "sites":[{"site":"FEMORAL_NECK","laterality":"LEFT","bmd":0.558}]}""");
        assertEquals(200, ok.status(), String.valueOf(ok.json()));
        // (0.558 - 0.858) / 0.120 = -2.5 exactly: osteoporosis (T <= -2.5)
        assertDecimal("-2.5", ok.json().get("sites").get(0).get("tScore"));
        assertEquals("OSTEOPOROSIS", ok.json().get("whoCategory").asText());
        Http.Reply bad = http.post("/api/densitometry/compute", """
                {"sex":"F","birthDate":"1955-03-12","scanDate":"2026-11-28","manufacturer":"HOLOGIC",
                 "menopausal":true,"sites":[{"site":"FEMORAL_NECK","bmd":0.558,"bmdd":1}]}""");
        assertEquals(400, bad.status());
        assertEquals("sites[0].bmdd", bad.json().get("errors").get(0).get("field").asText());
    }

    static JsonNode find(JsonNode list, String identifier, String value) {
        for (JsonNode r : list) {
            if (value.equals(r.get("identifiers").get(identifier).asText())) {
                return r;
            }
        }
        return null;
    }
}
