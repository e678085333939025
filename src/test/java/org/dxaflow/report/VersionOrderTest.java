package org.dxaflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.dxaflow.report.fhir.InMemoryFhirServer;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.Http;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Per destination, versions go out in order: a final made while its preliminary is still failing
 * supersedes it, and the preliminary is never sent after the final. The GP endpoint here fails
 * until the report has been verified, then recovers.
 */
class VersionOrderTest {

    static final InMemoryFhirServer FHIR = ReportPeers.fhirServer();

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.shipped().andEnv(Map.of(
            "DXAFLOW_GP_FHIR_URL", FHIR.baseUrl(),
            "DXAFLOW_REPORT_POLL_MS", "100",
            "DXAFLOW_REPORT_RETRY_ATTEMPTS", "200",
            "DXAFLOW_REPORT_RETRY_DELAY_MS", "200",
            "DXAFLOW_REPORT_RETRY_MAX_DELAY_MS", "500"));
    static final Http http = engine.http();

    @AfterAll
    static void stopPeers() throws Exception {
        FHIR.close();
    }

    @Test
    void aFinalSupersedesAPreliminaryStillFailingAndThePreliminaryIsNeverSentAfterIt() throws Exception {
        FHIR.mode(InMemoryFhirServer.Mode.FAIL_500);
        long reportId = ReportPeers.reportFor(engine, ReportPeers.scheduleAndScan(engine));
        Await.until("the preliminary failing at the GP", Duration.ofSeconds(30), () -> delivery(reportId, 1),
                d -> d != null && d.get("attempts").size() >= 2);

        assertEquals(200, http.post("/api/reports/" + reportId + "/verify", "{}").status());
        JsonNode superseded = Await.until("the preliminary superseded", Duration.ofSeconds(10),
                () -> delivery(reportId, 1), d -> d.get("delivery").get("status").asText().equals("SUPERSEDED"));
        FHIR.mode(InMemoryFhirServer.Mode.OK);
        Await.until("the final delivered", Duration.ofSeconds(30), () -> delivery(reportId, 2),
                d -> d != null && d.get("delivery").get("status").asText().equals("DELIVERED"));

        // the GP holds the final, never overwritten by the preliminary that was failing before it
        Thread.sleep(1000);
        DiagnosticReport dr = FHIR.all(DiagnosticReport.class).get(0);
        assertEquals(1, FHIR.all(DiagnosticReport.class).size());
        assertEquals("final", dr.getStatus().toCode());
        JsonNode v1 = delivery(reportId, 1);
        assertEquals("SUPERSEDED", v1.get("delivery").get("status").asText());
        assertTrue(v1.get("attempts").findValuesAsText("outcome").stream().allMatch("FAILED"::equals),
                "no attempt of the preliminary succeeded: " + v1);
        // an attempt already under way when the final was made may still be recorded; none starts after
        assertTrue(v1.get("attempts").size() <= superseded.get("attempts").size() + 1, "tried again once superseded: " + v1);
        assertEquals(409, http.post("/api/deliveries/" + v1.get("delivery").get("id").asLong() + "/resend", "")
                .status(), "a superseded version is not resent");
    }

    private static JsonNode delivery(long reportId, int version) {
        for (JsonNode d : http.get("/api/reports/" + reportId).json().get("deliveries")) {
            if (d.get("delivery").get("version").asInt() == version) {
                return d;
            }
        }
        return null;
    }
}
