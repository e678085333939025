package org.dxaflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.FreePort;
import org.dxaflow.testing.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GET /metrics and GET /api/health against a running engine after one order and one scan, with a
 * PACS that is down (its port closed) and /metrics closed with a key: every named series with the
 * count the traffic makes, in Prometheus' text format; health open with only its status, its
 * detail for engineers showing the PACS DOWN with its last failure.
 */
class MetricsAndHealthTest {

    static final String KEY = "scrape-key-for-the-test";

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.shipped().andEnv(Map.of(
            "DXAFLOW_PACS_HOST", "127.0.0.1",
            // nothing listens there: every delivery to the PACS is refused
            "DXAFLOW_PACS_PORT", Integer.toString(FreePort.find()),
            "DXAFLOW_PACS_TIMEOUT_MS", "2000",
            "DXAFLOW_REPORT_POLL_MS", "100",
            "DXAFLOW_REPORT_RETRY_DELAY_MS", "200",
            "DXAFLOW_METRICS_KEY", KEY,
            // every scrape reads the database afresh, so the test needs no waiting for a cache
            "DXAFLOW_METRICS_CACHE_SECONDS", "0"));
    static final Http http = engine.http();

    static long reportId;

    @BeforeAll
    static void orderAndScan() throws Exception {
        reportId = ReportPeers.reportFor(engine, ReportPeers.scheduleAndScan(engine));
    }

    @Test
    void metricsCarryTheNamedSeriesWithTheirCounts() {
        Scrape s = Await.until("the result and the failing PACS delivery counted", Duration.ofSeconds(30),
                () -> scrape("Bearer " + KEY),
                m -> m.value("dxaflow_results", "status", "COMPUTED") == 1
                        && m.value("dxaflow_deliveries", "destination", "PACS", "status", "FAILED")
                        + m.value("dxaflow_deliveries", "destination", "PACS", "status", "DEAD") == 1);
        assertEquals(200, s.status());
        assertTrue(s.contentType().startsWith("text/plain; version=0.0.4"), s.contentType());
        // HL7: the one order, accepted
        assertEquals(1.0, s.value("dxaflow_hl7_messages_total", "type", "OMG^O19", "ack", "AA"), s.lines("dxaflow_hl7"));
        assertEquals(1.0, s.value("dxaflow_hl7_messages_received_total", "type", "OMG^O19"));
        assertEquals(1.0, s.value("dxaflow_hl7_ack_latency_seconds_count", "ack", "AA"));
        assertEquals(1.0, s.value("dxaflow_hl7_ack_latency_seconds_bucket", "ack", "AA", "le", "+Inf"));
        assertEquals(0.0, s.value("dxaflow_hl7_messages_rejected_total", "type", "OMG^O19", "ack", "AE", "error", "none"));
        // DICOM: scanner-sim's worklist query, MPPS in progress and completed, one SR stored
        assertTrue(s.value("dxaflow_dicom_associations_total", "outcome", "accepted") >= 3, s.text());
        assertEquals(0.0, s.value("dxaflow_dicom_associations_total", "outcome", "rejected"));
        assertEquals(1.0, s.value("dxaflow_dicom_cfind_seconds_count", "status", "success"));
        assertEquals(1.0, s.value("dxaflow_dicom_mpps_total", "event", "create", "outcome", "success"));
        assertEquals(1.0, s.value("dxaflow_dicom_mpps_total", "event", "set", "outcome", "success"));
        assertEquals(1.0, s.value("dxaflow_dicom_cstore_total", "outcome", "success"));
        // the justification, the result, the report and its delivery attempts
        assertEquals(1.0, s.value("dxaflow_justification_decisions_total", "outcome", "JUSTIFIED", "mode", "AUTO"));
        assertTrue(s.series().keySet().stream().anyMatch(k -> k.startsWith("dxaflow_justification_rules_met_total{")),
                s.text());
        // preliminary, or final when the turnaround test has verified it already
        assertEquals(1.0, s.value("dxaflow_reports", "status", "PRELIMINARY") + s.value("dxaflow_reports", "status", "FINAL"),
                s.lines("dxaflow_reports"));
        assertTrue(s.value("dxaflow_delivery_attempts", "destination", "PACS", "outcome", "FAILED") >= 1, s.text());
        // queues: every queue has its depth and dead letter series
        assertEquals(0.0, s.value("dxaflow_queue_messages", "queue", "dxaflow.hl7.inbound"));
        assertEquals(0.0, s.value("dxaflow_queue_dead_letters", "queue", "dxaflow.hl7.inbound", "dlq", "dlq.dxaflow"));
        // JVM and Camel route figures as Micrometer and camel-micrometer name them
        assertTrue(s.series().keySet().stream().anyMatch(k -> k.startsWith("jvm_memory_used_bytes{")), s.text());
        assertTrue(s.series().keySet().stream().anyMatch(k -> k.startsWith("camel_") && k.contains("hl7-intake")),
                s.text());
        // no patient in any label: the order's NHS number, hospital number, name, accession
        for (String phi : new String[] {"9990000034", "RX1000003", "HOLDEN", ReportPeers.ACCESSION}) {
            assertFalse(s.text().contains(phi), phi);
        }
    }

    @Test
    void aVerifiedReportsTurnaroundIsMeasured() {
        Http.Reply verified = http.post("/api/reports/" + reportId + "/verify", "{}");
        assertEquals(200, verified.status(), String.valueOf(verified.json()));
        Scrape s = Await.until("the final report counted", Duration.ofSeconds(10), () -> scrape("Bearer " + KEY),
                m -> m.value("dxaflow_reports", "status", "FINAL") == 1);
        assertEquals(1.0, s.value("dxaflow_report_turnaround_seconds_count"));
        assertEquals(1.0, s.value("dxaflow_report_turnaround_seconds_bucket", "le", "+Inf"));
        // scanned moments ago: well within the first bucket (one hour)
        assertEquals(1.0, s.value("dxaflow_report_turnaround_seconds_bucket", "le", "3600.0"));
    }

    @Test
    void theKeyClosesMetrics() {
        assertEquals(401, scrape(null).status());
        assertEquals(401, scrape("Bearer wrong-key").status());
        // the REST API's users do not open it either
        assertEquals(401, scrape("Basic " + java.util.Base64.getEncoder().encodeToString(
                ("admin:" + org.dxaflow.testing.TestUsers.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .status());
        assertEquals(401, scrapeUrl("/metrics?key=" + KEY, null).status(), "the key is taken from the header only");
        Scrape ok = scrape("bearer " + KEY);
        assertEquals(200, ok.status());
        assertTrue(ok.text().contains("dxaflow_hl7_messages_total"));
    }

    @Test
    void healthWithoutCredentialsSaysOnlyTheStatus() {
        Http.Reply r = http.anonymous().get("/api/health");
        assertEquals(200, r.status());
        assertEquals("{\"status\":\"UP\"}", r.json().toString());
        Http.Reply detail = http.anonymous().get("/api/health?detail=true");
        assertEquals(401, detail.status());
        assertTrue(detail.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(403, http.as("operator").get("/api/health?detail=true").status());
        assertEquals(403, http.as("reporter").get("/api/health?detail=true").status());
    }

    @Test
    void healthDetailShowsEachPartAndThePacsDownWithItsLastFailure() {
        JsonNode h = Await.until("the PACS shown down", Duration.ofSeconds(30),
                () -> http.as("engineer").get("/api/health?detail=true"),
                r -> r.status() == 200 && r.json().path("parts").path("destinations").path("PACS").path("status")
                        .asText().equals("DOWN")).json();
        assertEquals("UP", h.get("status").asText());
        JsonNode parts = h.get("parts");
        for (String p : new String[] {"hl7Listener", "dicomListener", "database", "routes"}) {
            assertEquals("UP", parts.get(p).get("status").asText(), p + ": " + h);
        }
        assertEquals("UP", parts.get("broker").get("status").asText(), h.toString());
        assertEquals(0, parts.get("broker").get("queues").get("dxaflow.hl7.inbound").asLong());
        JsonNode pacs = parts.get("destinations").get("PACS");
        assertTrue(pacs.get("configured").asBoolean());
        assertTrue(pacs.get("lastSuccess").isNull(), pacs.toString());
        assertNotNull(java.time.Instant.parse(pacs.get("lastFailure").asText()));
        assertFalse(pacs.get("lastError").asText().isBlank(), pacs.toString());
        assertEquals("OFF", parts.get("destinations").get("GP_FHIR").get("status").asText());
        assertEquals("OFF", parts.get("risStatusOutbox").get("status").asText());
        // and what health showed before: the checks, the shipped-default warnings, hot reload
        assertEquals("UP", h.get("checks").get("hl7Listener").asText());
        assertTrue(h.get("warnings").isArray());
        assertTrue(h.has("reload"));
    }

    // ---- a Prometheus text reader --------------------------------------------------------------

    /** One sample line: name, optional labels, value (and an optional timestamp). */
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? ([-+]?(?:[0-9.]+(?:[eE][-+]?[0-9]+)?|NaN|Inf))( -?[0-9]+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    record Scrape(int status, String contentType, String text, Map<String, Double> series) {

        /** The lines about one family of series, for a failure's message. */
        String lines(String prefix) {
            return String.join("\n", text.lines().filter(l -> l.startsWith(prefix)).toList());
        }

        /** The sample with exactly these labels (name, value pairs); 0 when absent, as a counter not yet counted. */
        double value(String name, String... labels) {
            Map<String, String> wanted = new TreeMap<>();
            for (int i = 0; i < labels.length; i += 2) {
                wanted.put(labels[i], labels[i + 1]);
            }
            return series.getOrDefault(key(name, wanted), 0.0);
        }
    }

    private static String key(String name, Map<String, String> labels) {
        return name + labels;
    }

    private static Scrape scrape(String authorization) {
        return scrapeUrl("/metrics", authorization);
    }

    private static Scrape scrapeUrl(String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Double> series = new LinkedHashMap<>();
            if (r.statusCode() == 200) {
                for (String line : r.body().split("\n")) {
                    if (line.isEmpty() || line.startsWith("#")) {
                        assertTrue(line.isEmpty() || line.startsWith("# HELP ") || line.startsWith("# TYPE "), line);
                        continue;
                    }
                    Matcher m = SAMPLE.matcher(line);
                    assertTrue(m.matches(), "not Prometheus text format: " + line);
                    Map<String, String> labels = new TreeMap<>();
                    if (m.group(3) != null) {
                        Matcher l = LABEL.matcher(m.group(3));
                        int end = 0;
                        while (l.find() && l.start() == end) {
                            labels.put(l.group(1), l.group(2));
                            end = l.end();
                        }
                        assertEquals(m.group(3).length(), end, "labels not in Prometheus text format: " + line);
                    }
                    String v = m.group(4);
                    series.put(key(m.group(1), labels), v.endsWith("Inf")
                            ? (v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                            : Double.parseDouble(v));
                }
            }
            return new Scrape(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), series);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
