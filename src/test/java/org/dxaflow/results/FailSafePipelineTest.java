package org.dxaflow.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.dxaflow.dicom.data.UidGenerator;
import org.dxaflow.dicom.dimse.service.MppsScu;
import org.dxaflow.dicom.dimse.service.WorklistScu;
import org.dxaflow.dicom.dimse.storage.StoreScu;
import org.dxaflow.dicom.net.RequestorConfig;
import org.dxaflow.dxasr.DxaResultSr;
import org.dxaflow.dxasr.MeasurementKind;
import org.dxaflow.dxasr.SiteMeasurement;
import org.dxaflow.dxasr.VertebraGrade;
import org.dxaflow.sim.ScannerSimulator;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.Samples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fail-safe rules through the real pipeline: orders over MLLP through the justification gate,
 * results as the scanner sends them (ORU over MLLP; a Comprehensive SR after worklist and MPPS,
 * C-STOREd to the Storage SCP), computed and stored. Expected values are worked out by hand from
 * the cited reference (NHANES III women 20-29, femoral neck 0.858 +/- 0.120 g/cm2).
 */
class FailSafePipelineTest {

    @TempDir
    static Path work;

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.shipped();
    static final Http http = engine.http();

    static final String TODAY = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);

    /** A woman's order justified for any adult (a listed condition), so it reaches the worklist today. */
    static String order(String control, String placer, String accession, String mrn, String nhs, String birth,
                        String menopauseObx) {
        return String.join("\r",
                "MSH|^~\\&|CRIS|RXA|DXAFLOW|DXA|20261120090000||ORM^O01^ORM_O01|" + control + "|P|2.4",
                "PID|1||" + nhs + "^^^NHS^NH~" + mrn + "^^^RXA^MR||TESTCASE^ANNE^^^MS||" + birth + "|F",
                "PV1|1|O",
                "ORC|NW|" + placer + "^CRIS|||||^^^" + TODAY + "^^R||20261120090000|||C3456789^PATEL^ANITA^^^DR",
                "OBR|1|" + placer + "^CRIS||XDXAS^DXA scan lumbar spine and hip^L|||||||||Arthritis|||"
                        + "C3456789^PATEL^ANITA^^^DR||" + accession,
                "OBX|1|CE|REFREASON^Reason for referral^99DXA||DISEASE_MEDICATION^Disease or medication^99DXA||||||F",
                "OBX|2|CE|CONDITION^Condition^99DXA||INFLAMMATORY_ARTHRITIS^Inflammatory arthritis^99DXA||||||F",
                "OBX|3|CE|FRACTURE_AFTER_40^Low-trauma fracture after age 40^99DXA||N||||||F")
                + (menopauseObx == null ? "" : "\rOBX|4|CE|MENOPAUSE^Postmenopausal^99DXA||" + menopauseObx + "||||||F");
    }

    @BeforeAll
    static void start() throws IOException {
        engine.acceptAll(List.of(
                Samples.hl7("results/orm-o01-v24-order-woman-70-menopause-not-stated.hl7"),
                order("T-F7", "ORD500007", "ACC500007", "RX5000007", "9990000166", "19740110", null),
                order("T-F8", "ORD500008", "ACC500008", "RX5000008", "9990000174", "19500101", "Y")));
        Await.until("orders applied", Duration.ofSeconds(20), () -> http.orders(""), a -> a.size() == 3);
    }

    static JsonNode awaitOrder(String accession, String status) {
        return Await.until(accession + " " + status, Duration.ofSeconds(20),
                () -> http.orders("accessionNumber=" + accession).get(0),
                o -> o.get("status").asText().equals(status));
    }

    static JsonNode awaitResult(String accession) {
        long id = http.orders("accessionNumber=" + accession).get(0).get("id").asLong();
        return Await.until("result for " + accession, Duration.ofSeconds(20),
                () -> http.get("/api/orders/" + id + "/result"),
                r -> r.status() == 200 && r.json().get("status").asText().equals("COMPUTED")).json();
    }

    static boolean flag(JsonNode result, String code, String text) {
        for (JsonNode f : result.get("densitometry").get("flags")) {
            if (f.get("code").asText().equals(code) && f.get("message").asText().contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** The scanner's whole cycle for one accession: worklist, MPPS, an SR with these values, C-STORE, MPPS. */
    static void scan(String accession, List<SiteMeasurement> sites, List<VertebraGrade> vfa) throws Exception {
        RequestorConfig config = RequestorConfig.defaults("DXASCAN1");
        ScannerSimulator sim = new ScannerSimulator(new WorklistScu(config), new MppsScu(config), new StoreScu(config),
                new DxaResultSr(new DxaResultSr.Equipment("Hologic", "Horizon A", "13.6.1", "301234", "DXA2")),
                new UidGenerator(UidGenerator.DEFAULT_ROOT), Clock.systemUTC());
        sim.run(new ScannerSimulator.Scan(engine.dicomAe(), "DXASCAN1",
                accession, sites, vfa, work.resolve(accession + ".dcm")), (step, message) -> { });
    }

    static SiteMeasurement neck(String bmd, String vendorT, String vendorZ) {
        java.util.Map<MeasurementKind, BigDecimal> values = new java.util.EnumMap<>(MeasurementKind.class);
        values.put(MeasurementKind.BMD, new BigDecimal(bmd));
        if (vendorT != null) {
            values.put(MeasurementKind.T_SCORE, new BigDecimal(vendorT));
        }
        if (vendorZ != null) {
            values.put(MeasurementKind.Z_SCORE, new BigDecimal(vendorZ));
        }
        return new SiteMeasurement(org.dxaflow.densitometry.Site.FEMORAL_NECK,
                org.dxaflow.densitometry.Laterality.LEFT, values);
    }

    @Test
    void seventyYearOldNotStatedIsJustifiedAndClassifiedByTheSameInferredStatusWithHerVfaFracture() throws Exception {
        // Gate: fracture after 40 in a woman of 70 whose menopausal status is not stated -> inferred
        // postmenopausal from age (70 >= 55, conf/clinical/menopausal-status.yaml) -> JUSTIFIED, SCHEDULED.
        JsonNode order = awaitOrder("ACC500006", "SCHEDULED");
        engine.accept(Samples.hl7("results/oru-r01-v251-woman-70-vfa.hl7"));
        JsonNode r = awaitResult("ACC500006");
        JsonNode d = r.get("densitometry");
        // Densitometry reads the same status the same way: postmenopausal, inferred, said so.
        assertEquals("POSTMENOPAUSAL", d.get("menopausalStatus").get("status").asText());
        assertTrue(d.get("menopausalStatus").get("inferred").asBoolean());
        assertTrue(d.get("menopausalStatus").get("basis").asText().contains("inferred postmenopausal from age 70"));
        // neck T = (0.498 - 0.858) / 0.120 = -3.0; spine vendor -3.0; fragility fracture (referral) and
        // VFA T12 Genant grade 2 -> severe (established) osteoporosis; never the Z-score wording
        assertEquals("SEVERE_OSTEOPOROSIS", d.get("whoCategory").asText());
        assertTrue(d.get("zScoreInterpretation").isNull());
        assertTrue(flag(r, "VERTEBRAL_FRACTURE_ON_VFA", "T12"));
        assertEquals("T12", r.get("vfa").get(0).get("vertebra").asText());
        assertEquals(2, r.get("vfa").get(0).get("genantGrade").asInt());
        assertEquals("301234", r.get("scan").get("deviceSerialNumber").asText());
        assertEquals(order.get("id").asLong(), r.get("orderId").asLong());
    }

    @Test
    void fiftyTwoYearOldNotStatedGetsNoCategoryNoZWordingAndIsListedForTheReporter() throws Exception {
        awaitOrder("ACC500007", "SCHEDULED");
        // neck 0.700: T (0.700 - 0.858) / 0.120 = -1.3; the scanner's Z -0.5 would read "within the
        // expected range for age" - which is only for women known to be before the menopause
        scan("ACC500007", List.of(neck("0.700", "-1.3", "-0.5")), List.of());
        JsonNode r = awaitResult("ACC500007");
        JsonNode d = r.get("densitometry");
        assertTrue(d.get("whoCategory").isNull());
        assertTrue(d.get("zScoreInterpretation").isNull());
        assertEquals("UNKNOWN", d.get("menopausalStatus").get("status").asText());
        assertTrue(d.get("needsReporterReview").asBoolean());
        assertTrue(r.get("needsReporterReview").asBoolean());
        assertTrue(flag(r, "NEEDS_REPORTER_REVIEW", "age 52 is under 55"));
        assertEquals("not for diagnosis", d.get("lowestTScore").get("label").asText());
        boolean listed = false;
        for (JsonNode x : http.get("/api/results?needsReview=true").json()) {
            listed |= x.get("id").asLong() == r.get("id").asLong();
        }
        assertTrue(listed, "listed for the reporter");
        for (JsonNode x : http.get("/api/results?needsReview=false").json()) {
            assertFalse(x.get("id").asLong() == r.get("id").asLong(), "not among results needing no review");
            assertFalse(x.get("needsReporterReview").asBoolean());
        }
        assertEquals(400, http.get("/api/results?needsReview=maybe").status());
    }

    @Test
    void healthSaysTheLscIsStillTheShippedDefaultAndTheLscOfAStudyIsComputed() throws Exception {
        JsonNode health = http.get("/api/health?detail=true").json();
        assertEquals("UP", health.get("status").asText());
        assertTrue(health.get("warnings").toString().contains("not this centre's precision"), health.toString());
        // two patients scanned twice: RMS-SD = sqrt(0.00005) = 0.0070711, LSC = 2.77 x 0.0070711 = 0.020
        Http.Reply r = http.post("/api/densitometry/lsc", "text/csv",
                "patient,region,bmd\nA,FEMORAL_NECK,0.800\nA,FEMORAL_NECK,0.810\nB,FEMORAL_NECK,0.700\n"
                        + "B,FEMORAL_NECK,0.690\n");
        assertEquals(200, r.status(), String.valueOf(r.json()));
        JsonNode neck = r.json().get("regions").get(0);
        assertEquals(0, new BigDecimal("0.020").compareTo(neck.get("lsc").decimalValue()));
        assertFalse(neck.get("meetsIscdSize").asBoolean());
        Http.Reply bad = http.post("/api/densitometry/lsc", "text/csv", "patient,region,bmd\nA,FEMORAL_NECK,x\n");
        assertEquals(400, bad.status());
        assertTrue(bad.json().toString().contains("line 2"), String.valueOf(bad.json()));
    }

    @Test
    void vfaFractureOnTheScannersSrMakesOsteoporosisSevereThoughNoFractureWasReported() throws Exception {
        awaitOrder("ACC500008", "SCHEDULED");
        // MENOPAUSE=Y, FRACTURE_AFTER_40=N. neck 0.546: T (0.546 - 0.858) / 0.120 = -2.6 -> osteoporosis;
        // VFA: T12 Genant grade 3 (a fracture), L1 grade 1 (mild: for the reporter) -> severe
        scan("ACC500008", List.of(neck("0.546", "-2.6", null)),
                List.of(new VertebraGrade("T12", 3), new VertebraGrade("L1", 1)));
        JsonNode r = awaitResult("ACC500008");
        JsonNode d = r.get("densitometry");
        assertEquals("SEVERE_OSTEOPOROSIS", d.get("whoCategory").asText());
        assertTrue(flag(r, "VERTEBRAL_FRACTURE_ON_VFA", "T12"));
        assertTrue(flag(r, "NEEDS_REPORTER_REVIEW", "L1 Genant grade 1"));
        assertFalse(d.get("menopausalStatus").get("inferred").asBoolean());
        assertEquals(2, r.get("vfa").size());
        assertEquals("DXA2", r.get("scan").get("stationName").asText());
    }
}
