package org.dxaflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.dxaflow.dicom.testing.OrthancServer;
import org.dxaflow.report.fhir.InMemoryFhirServer;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.Http;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Guaranteed delivery: the PACS is down when the report is ready and comes back (delivered once,
 * the same instances); the GP's FHIR endpoint answers 500 until retries are exhausted (DEAD, every
 * attempt recorded), then is fixed and the delivery is resent from the API (delivered once).
 */
class ReportDeliveryOutageTest {

    /** Retries per delivery: the first attempt and ten more, 200 ms doubling to 1 s apart (about 8 s). */
    static final int RETRIES = 10;

    static final Path WORK = ReportPeers.tempDir();
    static final OrthancServer PACS = ReportPeers.orthanc(WORK.resolve("orthanc"));
    static final InMemoryFhirServer FHIR = ReportPeers.fhirServer();

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.shipped().andEnv(Map.of(
            "DXAFLOW_PACS_HOST", "127.0.0.1",
            "DXAFLOW_PACS_PORT", Integer.toString(PACS.dicomPort()),
            "DXAFLOW_PACS_AET", PACS.aeTitle(),
            "DXAFLOW_PACS_TIMEOUT_MS", "3000",
            "DXAFLOW_GP_FHIR_URL", FHIR.baseUrl(),
            "DXAFLOW_REPORT_POLL_MS", "100",
            "DXAFLOW_REPORT_RETRY_ATTEMPTS", Integer.toString(RETRIES),
            "DXAFLOW_REPORT_RETRY_DELAY_MS", "200",
            "DXAFLOW_REPORT_RETRY_MAX_DELAY_MS", "1000"));
    static final Http http = engine.http();

    static long reportId;

    @BeforeAll
    static void scanWhileThePacsIsDownAndTheGpFails() throws Exception {
        PACS.stop();
        FHIR.mode(InMemoryFhirServer.Mode.FAIL_500);
        reportId = ReportPeers.reportFor(engine, ReportPeers.scheduleAndScan(engine));
    }

    @AfterAll
    static void stopPeers() throws Exception {
        PACS.close();
        FHIR.close();
        ReportPeers.delete(WORK);
    }

    @Test
    void aPacsOutageDelaysTheReportAndItArrivesOnce() throws Exception {
        JsonNode failing = Await.until("PACS delivery failing", Duration.ofSeconds(30), () -> delivery("PACS"),
                d -> d != null && d.get("delivery").get("status").asText().equals("FAILED")
                        && d.get("delivery").get("attempts").asInt() >= 2);
        assertTrue(failing.get("delivery").get("lastError").asText().contains("CONNECTION_REFUSED")
                || failing.get("delivery").get("lastError").asText().toLowerCase().contains("refused"),
                failing.toString());
        PACS.restart();
        JsonNode delivered = Await.until("PACS delivery made", Duration.ofSeconds(30), () -> delivery("PACS"),
                d -> d.get("delivery").get("status").asText().equals("DELIVERED"));
        List<String> outcomes = delivered.get("attempts").findValuesAsText("outcome");
        assertEquals("DELIVERED", outcomes.get(outcomes.size() - 1));
        assertTrue(outcomes.subList(0, outcomes.size() - 1).stream().allMatch("FAILED"::equals), outcomes.toString());
        // the same two instances, once each
        assertEquals(2, PACS.get("/instances").size());
    }

    @Test
    void aFailingGpEndpointIsRetriedThenDeadThenResentOnce() throws Exception {
        JsonNode dead = Await.until("GP FHIR delivery dead", Duration.ofSeconds(60), () -> delivery("GP_FHIR"),
                d -> d != null && d.get("delivery").get("status").asText().equals("DEAD"));
        assertEquals(RETRIES + 1, dead.get("attempts").size(), "the first attempt and every retry, recorded");
        assertTrue(dead.get("delivery").get("lastError").asText().contains("500"), dead.toString());
        long id = dead.get("delivery").get("id").asLong();
        JsonNode listed = http.get("/api/deliveries?status=DEAD").json();
        assertTrue(listed.findValuesAsText("id").contains(Long.toString(id)), listed.toString());
        assertEquals(0, FHIR.all(DiagnosticReport.class).size());

        FHIR.mode(InMemoryFhirServer.Mode.OK);
        assertEquals(202, http.post("/api/deliveries/" + id + "/resend", "").status());
        Await.until("GP FHIR delivery made", Duration.ofSeconds(30), () -> delivery("GP_FHIR"),
                d -> d.get("delivery").get("status").asText().equals("DELIVERED"));
        assertEquals(1, FHIR.all(DiagnosticReport.class).size());
        assertEquals(409, http.post("/api/deliveries/" + id + "/resend", "").status(), "a delivered one is not resent");
        assertEquals(404, http.post("/api/deliveries/999999/resend", "").status());
    }

    private static JsonNode delivery(String destination) {
        for (JsonNode d : http.get("/api/reports/" + reportId).json().get("deliveries")) {
            if (d.get("delivery").get("destination").asText().equals(destination)) {
                return d;
            }
        }
        return null;
    }
}
