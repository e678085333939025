package org.dxaflow.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.Samples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * UNMATCHED results do not stay unmatched: when their order arrives (in real services the ORM is
 * often sent after the scan) matching is tried again automatically, and an operator can match one
 * by hand, saying who and why. Each earlier outcome stays in the result's history.
 */
class ResultReconciliationTest {

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.shipped();
    static final Http http = engine.http();

    /** An order the written criteria justify for any adult (a listed condition), requested 2026-11-28. */
    static String order(String control, String placer, String accession, String mrn, String nhs) {
        return String.join("\r",
                "MSH|^~\\&|CRIS|RXA|DXAFLOW|DXA|20261120090000||ORM^O01^ORM_O01|" + control + "|P|2.4",
                "PID|1||" + nhs + "^^^NHS^NH~" + mrn + "^^^RXA^MR||TESTCASE^JOAN^^^MS||19500101|F",
                "PV1|1|O",
                "ORC|NW|" + placer + "^CRIS|||||^^^20261128^^R||20261120090000|||C3456789^PATEL^ANITA^^^DR",
                "OBR|1|" + placer + "^CRIS||XDXAS^DXA scan lumbar spine and hip^L|||||||||Arthritis|||"
                        + "C3456789^PATEL^ANITA^^^DR||" + accession,
                "OBX|1|CE|REFREASON^Reason for referral^99DXA||DISEASE_MEDICATION^Disease or medication^99DXA||||||F",
                "OBX|2|CE|CONDITION^Condition^99DXA||INFLAMMATORY_ARTHRITIS^Inflammatory arthritis^99DXA||||||F",
                "OBX|3|CE|MENOPAUSE^Postmenopausal^99DXA||Y||||||F");
    }

    /** The woman-70 sample ORU re-addressed to another patient, accession and scan day. */
    static String oru(String control, String mrn, String nhs, String accession, String scanDay) {
        return Samples.withControlId(Samples.hl7("results/oru-r01-v251-woman-70-vfa.hl7"), control)
                .replace("RX5000006^^^RXA^MR~9990000158^^^NHS^NH", mrn + "^^^RXA^MR~" + nhs + "^^^NHS^NH")
                .replace("|ACC500006|", "|" + accession + "|").replace("|20261128110000|", "|" + scanDay + "110000|");
    }

    @BeforeAll
    static void start() throws IOException {
        send(order("RC-1", "ORD-RC1", "ACC-RC1", "RXRC1", "9990000204"));
        send(order("RC-2", "ORD-RC2", "ACC-RC2", "RXRC2", "9990000212"));
        awaitOrder("ACC-RC1", "SCHEDULED");
        awaitOrder("ACC-RC2", "SCHEDULED");
    }

    static void send(String message) throws IOException {
        engine.accept(message);
    }

    static JsonNode awaitOrder(String accession, String status) {
        return Await.until(accession + " " + status, Duration.ofSeconds(20),
                () -> http.orders("accessionNumber=" + accession).get(0), o -> o.get("status").asText().equals(status));
    }

    static JsonNode awaitUnmatched(String accession) {
        return Await.until("unmatched " + accession, Duration.ofSeconds(20), () -> {
            for (JsonNode r : http.get("/api/results/unmatched").json()) {
                if (accession.equals(r.get("identifiers").get("accessionNumber").asText())) {
                    return r;
                }
            }
            return null;
        }, r -> r != null);
    }

    static Http.Reply match(long resultId, String body) {
        return http.post("/api/results/" + resultId + "/match", body);
    }

    static void assertError(int status, String fragment, Http.Reply r) {
        assertEquals(status, r.status(), String.valueOf(r.json()));
        assertTrue(r.json().get("error").asText().contains(fragment), r.json().get("error").asText());
    }

    @Test
    void aResultReceivedBeforeItsOrderIsMatchedWhenTheOrderArrivesAndTheExposureIsAnIncident() throws Exception {
        send(Samples.hl7("results/oru-r01-v251-woman-70-vfa.hl7"));
        long resultId = awaitUnmatched("ACC500006").get("id").asLong();

        send(Samples.hl7("results/orm-o01-v24-order-woman-70-menopause-not-stated.hl7"));

        JsonNode order = awaitOrder("ACC500006", "COMPLETED");
        JsonNode r = http.get("/api/results/" + resultId).json();
        assertEquals("COMPUTED", r.get("status").asText(), r.toString());
        assertEquals(order.get("id").asLong(), r.get("orderId").asLong());
        assertEquals("ACCESSION_NUMBER", r.get("matchMethod").asText());
        JsonNode history = r.get("history");
        assertEquals(1, history.size(), history.toString());
        assertEquals("REMATCHED", history.get(0).get("action").asText());
        assertEquals("UNMATCHED", history.get(0).get("previous").get("status").asText());
        assertTrue(history.get(0).get("previous").get("error").asText().contains("no order"), history.toString());
        // scanned before any justification existed: retrospective, never on the worklist
        assertTrue(r.get("exposure").get("decision").isNull(), r.toString());
        assertTrue(r.get("needsReporterReview").asBoolean());
        JsonNode detail = http.get("/api/orders/" + order.get("id").asText()).json();
        assertFalse(detail.get("statusHistory").toString().contains("\"to\":\"SCHEDULED\""),
                detail.get("statusHistory").toString());
        assertTrue(detail.get("justification").get("flags").toString().contains("RETROSPECTIVE"),
                detail.get("justification").toString());
        assertEquals(1, detail.get("exposureIncidents").size(), "open until a practitioner reviews it");
    }

    @Test
    void anOperatorMatchesAResultByHandSayingWhoAndWhy() throws Exception {
        // the scanner's accession was mistyped and the scan was on another day than requested
        send(oru("RC-ORU-3", "RXRC1", "9990000204", "ACC-TYPO", "20261203"));
        long resultId = awaitUnmatched("ACC-TYPO").get("id").asLong();
        long rc1 = awaitOrder("ACC-RC1", "SCHEDULED").get("id").asLong();
        long rc2 = http.orders("accessionNumber=ACC-RC2").get(0).get("id").asLong();

        assertError(400, "orderId is required", match(resultId, "{\"operator\": \"J Smith\", \"reason\": \"typo\"}"));
        assertError(400, "operator is required", match(resultId, "{\"orderId\": " + rc1 + ", \"reason\": \"typo\"}"));
        assertError(400, "reason is required", match(resultId, "{\"orderId\": " + rc1 + ", \"operator\": \"J Smith\"}"));
        assertError(400, "orderId must be a number", match(resultId,
                "{\"orderId\": \"one\", \"operator\": \"J Smith\", \"reason\": \"typo\"}"));
        assertError(400, "request body is not valid JSON", match(resultId, "{orderId"));
        assertError(400, "result id must be a number", http.post("/api/results/abc/match", "{}"));
        assertError(404, "no result with id 987654", match(987654,
                "{\"orderId\": " + rc1 + ", \"operator\": \"J Smith\", \"reason\": \"typo\"}"));
        assertError(404, "no order with id 987654", match(resultId,
                "{\"orderId\": 987654, \"operator\": \"J Smith\", \"reason\": \"typo\"}"));
        // another patient's order: a result is never filed against the wrong patient
        assertError(409, "not that order's patient", match(resultId,
                "{\"orderId\": " + rc2 + ", \"operator\": \"J Smith\", \"reason\": \"typo\"}"));
        assertEquals("UNMATCHED", http.get("/api/results/" + resultId).json().get("status").asText());

        Http.Reply matched = match(resultId, "{\"orderId\": " + rc1
                + ", \"operator\": \"J Smith (DXA radiographer)\", \"reason\": \"accession mistyped at the scanner\"}");

        assertEquals(200, matched.status(), String.valueOf(matched.json()));
        JsonNode r = matched.json();
        assertEquals("COMPUTED", r.get("status").asText());
        assertEquals(rc1, r.get("orderId").asLong());
        assertEquals("MANUAL", r.get("matchMethod").asText());
        assertTrue(r.get("exposure").isNull(), "the order was justified before the result arrived: " + r);
        JsonNode h = r.get("history").get(0);
        assertEquals("MATCHED_BY_HAND", h.get("action").asText());
        assertEquals("J Smith (DXA radiographer)", h.get("operator").asText());
        assertEquals("accession mistyped at the scanner", h.get("reason").asText());
        assertEquals("UNMATCHED", h.get("previous").get("status").asText());
        assertTrue(h.get("previous").get("orderId").isNull());
        assertEquals("COMPLETED", http.orders("accessionNumber=ACC-RC1").get(0).get("status").asText());

        assertError(409, "only UNMATCHED", match(resultId,
                "{\"orderId\": " + rc1 + ", \"operator\": \"J Smith\", \"reason\": \"again\"}"));
    }
}
