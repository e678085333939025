package org.dxaflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.Samples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A result the engine could not compute (here: the scanner's ORU carries no scan date) gets no
 * automatic report: it waits for a reporter, who writes the report and verifies it. The engine
 * never words a report for it on its own.
 */
class ReporterWrittenReportTest {

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.shipped().andEnv(Map.of("DXAFLOW_REPORT_POLL_MS", "100"));
    static final Http http = engine.http();

    static long reportId;
    static long orderId;

    @BeforeAll
    static void aResultWithNoScanDate() throws Exception {
        engine.accept(Samples.hl7("results/orm-o01-v24-order-woman-70-menopause-not-stated.hl7"));
        orderId = Await.until("order scheduled", Duration.ofSeconds(20), () -> http.orders("accessionNumber=ACC500006"),
                a -> a.size() == 1 && a.get(0).get("status").asText().equals("SCHEDULED")).get(0).get("id").asLong();
        // OBR-7 (the scan date/time) left empty, and no OBX-14 either
        engine.accept(Samples.hl7("results/oru-r01-v251-woman-70-vfa.hl7").replace("|||20261128110000|", "||||"));
        Await.until("result not computed", Duration.ofSeconds(20), () -> http.get("/api/orders/" + orderId + "/result"),
                r -> r.status() == 200 && r.json().get("status").asText().equals("NOT_COMPUTED"));
        reportId = ReportPeers.reportFor(engine, orderId);
    }

    @Test
    void itWaitsForAReporterWhoWritesAndVerifiesIt() throws Exception {
        // five polls pass: nothing composes it on its own
        Thread.sleep(500);
        JsonNode report = http.get("/api/reports/" + reportId).json();
        assertEquals("AWAITING_REPORT", report.get("report").get("status").asText());
        assertEquals(0, report.get("versions").size());
        assertTrue(http.get("/api/reports?status=AWAITING_REPORT").json().findValuesAsText("id")
                .contains(Long.toString(reportId)));
        assertEquals(409, http.post("/api/reports/" + reportId + "/amend", "{\"reason\":\"x\",\"text\":\"y\"}")
                .status(), "nothing verified to amend");

        Http.Reply noText = http.post("/api/reports/" + reportId + "/verify", "{}");
        assertEquals(400, noText.status());
        assertTrue(noText.json().get("error").asText().startsWith("text:"), noText.json().toString());
        Http.Reply someoneElse = http.post("/api/reports/" + reportId + "/verify",
                "{\"reporter\":{\"id\":\"r\",\"name\":\"Dr R\"},\"text\":\"t\"}");
        assertEquals(400, someoneElse.status(), "a report is verified under who verified it");
        assertTrue(someoneElse.json().get("error").asText().startsWith("reporter.id must be the signed-in user"));
        assertEquals(403, http.as("operator").post("/api/reports/" + reportId + "/verify", "{\"text\":\"t\"}")
                .status(), "only a reporter verifies");
        assertEquals(404, http.post("/api/reports/99999/verify", "{\"text\":\"t\"}").status());

        String words = "Scan date missing from the scanner's result; the images were reviewed by hand."
                + " Lumbar spine BMD is low for age.";
        Http.Reply verified = http.as("reporter").post("/api/reports/" + reportId + "/verify",
                "{\"text\":\"" + words + "\"}");
        assertEquals(200, verified.status(), verified.json().toString());
        JsonNode version = verified.json().get("versions").get(0);
        assertEquals("FINAL", version.get("version").get("status").asText());
        assertTrue(version.get("text").toString().contains("images were reviewed by hand"), version.toString());
        assertEquals("reporter", version.get("version").get("reporterId").asText());

        byte[] pdf = http.getDocument("/api/reports/" + reportId + "/pdf").body();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("images were reviewed by hand"), text);
            assertTrue(text.contains("Test reporter"), "the signed-in reporter's name: " + text);
        }
        assertFalse(http.get("/api/reports?status=AWAITING_REPORT").json().findValuesAsText("id")
                .contains(Long.toString(reportId)), "no longer awaiting");
        // no PACS is configured here: the verified report kept by the engine is the record, the order is REPORTED
        JsonNode order = http.get("/api/orders/" + orderId).json();
        assertEquals("REPORTED", order.get("status").asText());
        assertTrue(order.get("statusHistory").toString().contains("no PACS configured"), order.toString());
    }
}
