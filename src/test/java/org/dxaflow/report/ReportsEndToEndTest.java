package org.dxaflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Measurement;
import org.dxaflow.densitometry.Site;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DicomFile;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.testing.Dcmtk;
import org.dxaflow.dicom.testing.OrthancServer;
import org.dxaflow.report.fhir.InMemoryFhirServer;
import org.dxaflow.results.mapping.MappingOutcome;
import org.dxaflow.results.mapping.ResultMappings;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.FakeRis;
import org.dxaflow.testing.Http;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reports step against real peers: an order over HL7, the scanner played by scanner-sim, then
 * the report to a real Orthanc as PACS (SR + PDF), to a RIS and a GP system over MLLP (ORU^R01) and
 * to a FHIR server as the GP endpoint; verified, then amended, on all three channels.
 *
 * <p>The values expected are the scanner's and the stored densitometry's, checked by hand for the
 * femoral neck (ScannerSimAgainstEngineTest): T = (0.558 - 0.858) / 0.120 = -2.5, and the category
 * OSTEOPOROSIS (lowest T -2.5, postmenopausal woman).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportsEndToEndTest {

    static final Path WORK = ReportPeers.tempDir();
    static final OrthancServer PACS = ReportPeers.orthanc(WORK.resolve("orthanc"));
    static final FakeRis GP = ReportPeers.fakeRis();
    static final InMemoryFhirServer FHIR = ReportPeers.fhirServer();

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.shipped().andRis().andEnv(Map.of(
            "DXAFLOW_PACS_HOST", "127.0.0.1",
            "DXAFLOW_PACS_PORT", Integer.toString(PACS.dicomPort()),
            "DXAFLOW_PACS_AET", PACS.aeTitle(),
            "DXAFLOW_GP_HL7_HOST", "127.0.0.1",
            "DXAFLOW_GP_HL7_PORT", Integer.toString(GP.port()),
            "DXAFLOW_GP_FHIR_URL", FHIR.baseUrl(),
            "DXAFLOW_REPORT_POLL_MS", "100",
            "DXAFLOW_REPORT_RETRY_DELAY_MS", "200"));
    static final Http http = engine.http();

    static long orderId;
    static long reportId;
    static JsonNode densitometry;

    @BeforeAll
    static void scan() throws Exception {
        orderId = ReportPeers.scheduleAndScan(engine);
        densitometry = Await.until("result computed", Duration.ofSeconds(30),
                () -> http.get("/api/orders/" + orderId + "/result"),
                r -> r.status() == 200 && r.json().get("status").asText().equals("COMPUTED")).json().get("densitometry");
        assertEquals("OSTEOPOROSIS", densitometry.get("whoCategory").asText());
        reportId = ReportPeers.reportFor(engine, orderId);
    }

    @AfterAll
    static void stopPeers() throws Exception {
        PACS.close();
        GP.close();
        FHIR.close();
        ReportPeers.delete(WORK);
    }

    @Test
    @Order(1)
    void thePreliminaryReachesPacsTheRisAndTheGpWithTheStoredValues() throws Exception {
        JsonNode report = awaitDelivered(1, 4);
        assertEquals("PRELIMINARY", report.get("report").get("status").asText());

        // PACS: the SR and the PDF in the scan's study (the worklist's), each in its own series
        String study = densitometryStudy();
        Map<String, JsonNode> inStudy = orthancInstances(study);
        assertEquals(2, inStudy.size(), inStudy.keySet().toString());
        JsonNode sr = bySopClass(inStudy, "1.2.840.10008.5.1.4.1.1.88.33");
        JsonNode pdf = bySopClass(inStudy, "1.2.840.10008.5.1.4.1.1.104.1");
        assertFalse(sr.path("SeriesInstanceUID").asText().equals(pdf.path("SeriesInstanceUID").asText()));
        assertEquals("UNVERIFIED", sr.path("VerificationFlag").asText());
        assertEquals("ACC100003", sr.path("AccessionNumber").asText());

        // the SR fetched back from Orthanc passes dsrdump and reads back through loinc-sr with the stored values
        Path srFile = WORK.resolve("from-orthanc-v1.dcm");
        Files.write(srFile, PACS.bytes("/instances/" + sr.path("orthancId").asText() + "/file"));
        Dcmtk.Result dump = Dcmtk.run("dsrdump", "-Ee", srFile.toString());
        assertEquals(0, dump.exitCode(), dump.output());
        assertTrue(dump.output().lines().noneMatch(l -> l.startsWith("W:") || l.startsWith("E:")), dump.output());
        MappingOutcome read = ResultMappings.load(Path.of("mappings/results")).readSr(DicomFile.read(srFile).dataSet());
        assertTrue(read.isMapped(), read.error());
        assertEquals("loinc-sr", read.result().mapping());
        Measurement neck = read.result().measurements().stream()
                .filter(m -> m.site() == Site.FEMORAL_NECK && m.laterality() == Laterality.LEFT).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("0.558").compareTo(neck.bmd()));
        assertEquals(0, new BigDecimal("-2.5").compareTo(neck.vendorTScore()), "the engine's T-score, as stored");
        for (JsonNode site : densitometry.get("sites")) {
            Measurement m = read.result().measurements().stream()
                    .filter(x -> x.site().externalName().equals(site.get("site").asText())).findFirst().orElseThrow();
            assertEquals(0, site.get("bmd").decimalValue().compareTo(m.bmd()), site.toString());
            if (site.hasNonNull("tScore")) {
                assertEquals(0, site.get("tScore").decimalValue().compareTo(m.vendorTScore()), site.toString());
            }
        }

        // the PDF in Orthanc is the one the API serves for version 1
        byte[] fromApi = http.getDocument("/api/reports/" + reportId + "/pdf?version=1").body();
        Attributes pdfObject = DicomFile.read(writeTemp("pdf-v1.dcm",
                PACS.bytes("/instances/" + pdf.path("orthancId").asText() + "/file"))).dataSet();
        assertTrue(Arrays.equals(fromApi, Arrays.copyOf(pdfObject.getBytes(Tag.EncapsulatedDocument.value()), fromApi.length)));

        // RIS and GP system: ORU^R01 with OBR-25 P, the femoral neck T-score under its LOINC code, the category
        for (FakeRis receiver : List.of(engine.ris(), GP)) {
            String oru = lastOru(receiver, "P");
            // OBX-3 the LOINC code, OBX-4 the region's group, OBX-5 the stored value
            assertTrue(oru.contains("|NM|38263-0^DXA Femur [T-score] Bone density^LN|2|-2.5|{T-score}^T-score^UCUM|"),
                    oru);
            assertTrue(oru.contains("64859006^Osteoporosis^SCT"), oru);
            assertTrue(oru.contains("ACC100003"), oru);
        }

        // GP FHIR endpoint: a preliminary DiagnosticReport, LOINC-coded observations, the NHS number
        DiagnosticReport dr = single(FHIR.all(DiagnosticReport.class));
        assertEquals("preliminary", dr.getStatus().toCode());
        assertEquals("38269-7", dr.getCode().getCodingFirstRep().getCode());
        Patient patient = single(FHIR.all(Patient.class));
        assertTrue(patient.getIdentifier().stream().anyMatch(i -> i.getSystem().equals("https://fhir.nhs.uk/Id/nhs-number")
                && !i.getValue().isBlank()), "NHS number");
        Observation neckT = FHIR.all(Observation.class).stream()
                .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("38263-0")).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("-2.5").compareTo(neckT.getValueQuantity().getValue()));
        assertEquals("http://unitsofmeasure.org", neckT.getValueQuantity().getSystem());
        assertEquals("{T-score}", neckT.getValueQuantity().getCode());
    }

    @Test
    @Order(2)
    void verifiedItIsFinalOnEveryChannelAndTheOrderIsReported() throws Exception {
        var verified = http.post("/api/reports/" + reportId + "/verify", "{\"addendum\":\"Reviewed with the images.\"}");
        assertEquals(200, verified.status(), String.valueOf(verified.json()));
        awaitDelivered(2, 4);
        assertEquals(409, http.post("/api/reports/" + reportId + "/verify",
                "{}").status());

        Map<String, JsonNode> inStudy = orthancInstances(densitometryStudy());
        assertEquals(4, inStudy.size(), "two versions, two objects each: " + inStudy.keySet());
        JsonNode finalSr = inStudy.values().stream()
                .filter(t -> t.path("SOPClassUID").asText().equals("1.2.840.10008.5.1.4.1.1.88.33")
                        && t.path("VerificationFlag").asText().equals("VERIFIED")).findFirst().orElseThrow();
        assertNotNull(finalSr);
        for (FakeRis receiver : List.of(engine.ris(), GP)) {
            String oru = lastOru(receiver, "F");
            // the reporter is the signed-in user, as the user directory names them
            assertTrue(oru.contains("Bell"), oru);
        }
        DiagnosticReport dr = single(FHIR.all(DiagnosticReport.class));
        assertEquals("final", dr.getStatus().toCode(), "the same DiagnosticReport, updated");

        JsonNode order = Await.until("order reported", Duration.ofSeconds(20),
                () -> http.get("/api/orders/" + orderId).json(), o -> o.get("status").asText().equals("REPORTED"));
        assertTrue(order.get("statusHistory").toString().contains("REPORTED"));
        // the RIS hears of it through the status outbox: ORC-5 CM with the reason REPORT
        engine.ris().awaitAccepted(m -> m.field("ORC", 5).equals("CM") && m.field("ORC", 16).startsWith("REPORT^"),
                Duration.ofSeconds(20));
    }

    @Test
    @Order(3)
    void amendedItIsCorrectedEverywhereWithEveryVersionKept() throws Exception {
        assertEquals(400, http.post("/api/reports/" + reportId + "/amend",
                "{\"text\":\"x\"}")
                .status(), "an amendment says why");
        var amended = http.post("/api/reports/" + reportId + "/amend", "{\"reason\":\"Wrong side named\","
                + "\"text\":\"The left femoral neck is the lowest site.\"}");
        assertEquals(200, amended.status(), String.valueOf(amended.json()));
        JsonNode report = awaitDelivered(3, 4);
        assertEquals("AMENDED", report.get("report").get("status").asText());
        assertEquals(3, report.get("versions").size());

        Map<String, JsonNode> inStudy = orthancInstances(densitometryStudy());
        assertEquals(6, inStudy.size(), inStudy.keySet().toString());
        for (FakeRis receiver : List.of(engine.ris(), GP)) {
            assertTrue(lastOru(receiver, "C").contains("Wrong side named"));
        }
        assertEquals("amended", single(FHIR.all(DiagnosticReport.class)).getStatus().toCode());

        // the amended SR names the final it replaces
        String v2Sr = report.get("versions").get(1).get("version").get("srInstanceUid").asText();
        String v3Sr = report.get("versions").get(2).get("version").get("srInstanceUid").asText();
        JsonNode v3 = inStudy.get(v3Sr);
        Path file = writeTemp("v3.dcm", PACS.bytes("/instances/" + v3.path("orthancId").asText() + "/file"));
        Attributes sr = DicomFile.read(file).dataSet();
        Attributes predecessor = sr.getItem(Tag.PredecessorDocumentsSequence, 0)
                .getItem(Tag.ReferencedSeriesSequence, 0).getItem(Tag.ReferencedSOPSequence, 0);
        assertEquals(v2Sr, predecessor.getString(Tag.ReferencedSOPInstanceUID));

        // every version's PDF is kept and they differ
        List<byte[]> pdfs = new ArrayList<>();
        for (int v = 1; v <= 3; v++) {
            Http.Document d = http.getDocument("/api/reports/" + reportId + "/pdf?version=" + v);
            assertEquals(200, d.status());
            assertEquals("application/pdf", d.contentType());
            assertTrue(new String(d.body(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
            pdfs.add(d.body());
        }
        assertFalse(Arrays.equals(pdfs.get(0), pdfs.get(1)));
        assertFalse(Arrays.equals(pdfs.get(1), pdfs.get(2)));
        assertEquals(404, http.getDocument("/api/reports/" + reportId + "/pdf?version=4").status());
    }

    // --- helpers

    /** The report once every delivery of {@code version} (there are {@code destinations}) is DELIVERED. */
    private static JsonNode awaitDelivered(int version, int destinations) {
        return Await.until("version " + version + " delivered to " + destinations + " destinations", Duration.ofSeconds(60),
                () -> http.get("/api/reports/" + reportId).json(), r -> {
                    int delivered = 0;
                    for (JsonNode d : r.get("deliveries")) {
                        if (d.get("delivery").get("version").asInt() == version
                                && d.get("delivery").get("status").asText().equals("DELIVERED")) {
                            delivered++;
                        }
                    }
                    return delivered == destinations;
                });
    }

    private static String densitometryStudy() {
        JsonNode objects = http.get("/api/objects?accessionNumber=ACC100003").json();
        return objects.get(0).get("studyInstanceUid").asText();
    }

    /** Orthanc's instances in a study, by SOP Instance UID, each with its simplified tags and Orthanc id. */
    private static Map<String, JsonNode> orthancInstances(String studyUid) throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode id : PACS.get("/instances")) {
            JsonNode tags = PACS.get("/instances/" + id.asText() + "/simplified-tags");
            if (tags.path("StudyInstanceUID").asText().equals(studyUid)) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) tags).put("orthancId", id.asText());
                out.put(tags.path("SOPInstanceUID").asText(), tags);
            }
        }
        return out;
    }

    private static JsonNode bySopClass(Map<String, JsonNode> instances, String sopClass) {
        List<JsonNode> found = instances.values().stream()
                .filter(t -> t.path("SOPClassUID").asText().equals(sopClass)).toList();
        assertEquals(1, found.size(), sopClass + " in " + instances.keySet());
        return found.get(0);
    }

    /** The last ORU^R01 the receiver accepted, which must have the given OBR-25. */
    private static String lastOru(FakeRis receiver, String resultStatus) {
        List<FakeRis.Received> orus = receiver.awaitAccepted(m -> m.field("MSH", 9).startsWith("ORU^R01")
                && m.field("OBR", 25).equals(resultStatus), Duration.ofSeconds(20));
        return orus.get(orus.size() - 1).message();
    }

    private static <T> T single(List<T> all) {
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    private static Path writeTemp(String name, byte[] bytes) throws Exception {
        return Files.write(WORK.resolve(name), bytes);
    }
}
