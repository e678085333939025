package org.dxaflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.ReferralCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Practitioner review over REST on a real engine: the queue of held orders and the IRMER
 * decision (JUSTIFY / RETURN / REJECT) with its 400, 404 and 409 answers. Held referrals are
 * case 32 (steroids at 65, proposed LSPINE, HIP, VFA) and case 9 (pregnant, proposed LSPINE, HIP).
 */
class PractitionerReviewApiTest {

    private static final String BELL = """
            "practitioner": {"id": "PRAC-0002", "name": "Dr Ruth Bell", "role": "Consultant radiologist"}""";

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.shipped();
    static final Http http = engine.http();

    /** Sends case {@code n} as a new order under {@code placer}; returns the order once decided. */
    static JsonNode referral(int n, String placer, String status) throws IOException {
        engine.accept(ReferralCase.number(n).toHl7("2.4", "C-" + placer, placer));
        return Await.until(placer + " " + status, Duration.ofSeconds(20),
                () -> http.orders("placerOrderNumber=" + placer),
                a -> a.size() == 1 && a.get(0).get("status").asText().equals(status)).get(0);
    }

    static Http.Reply decide(JsonNode order, String body) {
        return http.post("/api/orders/" + order.get("id").asText() + "/justification", body);
    }

    static List<String> placersInQueue() {
        Http.Reply q = http.get("/api/justification/queue");
        assertEquals(200, q.status());
        List<String> placers = new ArrayList<>();
        q.json().forEach(o -> placers.add(o.get("placerOrderNumber").asText()));
        return placers;
    }

    @Test
    void queueListsHeldOrdersOldestFirstWithTheirCriteria() throws IOException {
        referral(32, "PR-Q1", "AWAITING_JUSTIFICATION");
        referral(9, "PR-Q2", "AWAITING_JUSTIFICATION");
        referral(39, "PR-Q3", "SCHEDULED");

        List<String> queue = placersInQueue();

        assertTrue(queue.indexOf("PR-Q1") >= 0 && queue.indexOf("PR-Q1") < queue.indexOf("PR-Q2"), queue.toString());
        assertFalse(queue.contains("PR-Q3"), "a justified order is not waiting: " + queue);
        JsonNode q1 = null;
        for (JsonNode o : http.get("/api/justification/queue").json()) {
            if (o.get("placerOrderNumber").asText().equals("PR-Q1")) {
                q1 = o;
            }
        }
        JsonNode steroids = null;
        for (JsonNode c : q1.get("justification").get("criteria")) {
            if (c.get("criterion").asText().equals("STEROIDS")) {
                steroids = c;
            }
        }
        assertEquals("NOT_MET", steroids.get("status").asText());
        assertEquals(65, steroids.get("data").get("AGE").asInt(), "the data the criterion used: " + steroids);
    }

    @Test
    void justifyIsRecordedWithNameAndRoleAndScheduledAndASecondDecisionIsAConflict() throws IOException {
        JsonNode order = referral(32, "PR-J1", "AWAITING_JUSTIFICATION");

        Http.Reply r = decide(order, "{\"decision\": \"JUSTIFY\", " + BELL + ", \"comment\": \"Scan to guide treatment\"}");

        assertEquals(200, r.status(), String.valueOf(r.json()));
        JsonNode body = r.json();
        assertEquals("SCHEDULED", body.get("status").asText());
        JsonNode j = body.get("justification");
        assertEquals("JUSTIFIED", j.get("outcome").asText());
        assertEquals("PRACTITIONER", j.get("decidedBy").get("mode").asText());
        assertEquals("Dr Ruth Bell", j.get("decidedBy").get("name").asText());
        assertEquals("Consultant radiologist", j.get("decidedBy").get("role").asText());
        assertEquals("[\"LSPINE\",\"HIP\",\"VFA\"]", j.get("protocol").toString(), "the proposed protocol kept");
        assertEquals("Scan to guide treatment", j.get("comment").asText());
        JsonNode decisions = body.get("decisions");
        assertEquals(2, decisions.size(), "the AUTO decision stays in the record: " + decisions);
        assertEquals("NEEDS_REVIEW", decisions.get(0).get("outcome").asText());
        assertEquals("AUTO", decisions.get(0).get("decidedBy").get("mode").asText());
        assertEquals("2025.06-2", decisions.get(0).get("ruleSetVersion").asText());
        assertEquals("2025.06-2", decisions.get(1).get("ruleSetVersion").asText());
        assertTrue(decisions.get(1).get("criteria").size() >= 9, "every criterion evaluated: " + decisions.get(1));
        assertFalse(body.get("pathway").get("justifiedAt").isNull());
        assertFalse(body.get("pathway").get("scheduledStep").isNull());
        assertFalse(placersInQueue().contains("PR-J1"), "off the queue once decided");

        Http.Reply again = decide(order, "{\"decision\": \"REJECT\", " + BELL + ", \"comment\": \"Changed my mind\"}");
        assertEquals(409, again.status(), String.valueOf(again.json()));
        assertEquals("SCHEDULED", http.orders("placerOrderNumber=PR-J1").get(0).get("status").asText());
    }

    @Test
    void aProtocolOverrideReplacesTheProposal() throws IOException {
        JsonNode order = referral(9, "PR-P1", "AWAITING_JUSTIFICATION");

        Http.Reply r = decide(order, "{\"decision\": \"JUSTIFY\", " + BELL
                + ", \"comment\": \"Not pregnant (test done)\", \"protocol\": [\"forearm\"]}");

        assertEquals(200, r.status(), String.valueOf(r.json()));
        assertEquals("[\"FOREARM\"]", r.json().get("justification").get("protocol").toString());
    }

    @Test
    void returnAndRejectMoveTheOrderAndNeedAComment() throws IOException {
        JsonNode toReturn = referral(32, "PR-R1", "AWAITING_JUSTIFICATION");
        JsonNode toReject = referral(9, "PR-R2", "AWAITING_JUSTIFICATION");

        Http.Reply noComment = decide(toReturn, "{\"decision\": \"RETURN\", " + BELL + "}");
        assertEquals(400, noComment.status());
        assertTrue(noComment.json().get("error").asText().startsWith("comment"), noComment.json().toString());

        Http.Reply returned = decide(toReturn, "{\"decision\": \"RETURN\", " + BELL
                + ", \"comment\": \"Please give the steroid start date\"}");
        Http.Reply rejected = decide(toReject, "{\"decision\": \"reject\", " + BELL
                + ", \"comment\": \"Pregnant: DXA not justified\"}");

        assertEquals("RETURNED", returned.json().get("status").asText());
        assertEquals("RETURNED", returned.json().get("justification").get("outcome").asText());
        assertEquals("[]", returned.json().get("justification").get("protocol").toString());
        assertEquals("REJECTED", rejected.json().get("status").asText());
        assertEquals("Pregnant: DXA not justified", rejected.json().get("justification").get("comment").asText());
    }

    @Test
    void badRequestsAreAnsweredNamingTheField() throws IOException {
        JsonNode order = referral(32, "PR-B1", "AWAITING_JUSTIFICATION");

        assertError(400, "request body is not valid JSON", decide(order, "{decision"));
        assertError(400, "request body must be a JSON object", decide(order, "[]"));
        assertError(400, "decision is required", decide(order, "{" + BELL + "}"));
        assertError(400, "decision must be JUSTIFY, RETURN or REJECT", decide(order, "{\"decision\": \"MAYBE\", " + BELL + "}"));
        // the practitioner is the signed-in user: a body naming someone else is refused, not recorded
        assertError(400, "practitioner.id must be the signed-in user (PRAC-0002), not P1", decide(order,
                "{\"decision\": \"JUSTIFY\", \"practitioner\": {\"id\": \"P1\", \"name\": \"Dr A\", \"role\": \"R\"}}"));
        assertError(400, "practitioner must be an object", decide(order,
                "{\"decision\": \"JUSTIFY\", \"practitioner\": \"P1\"}"));
        assertError(400, "protocol must be a list", decide(order,
                "{\"decision\": \"JUSTIFY\", " + BELL + ", \"protocol\": \"HIP\"}"));
        assertError(400, "Unknown protocol code 'KNEE'", decide(order,
                "{\"decision\": \"JUSTIFY\", " + BELL + ", \"protocol\": [\"KNEE\"]}"));
        assertError(404, "no order with id 987654321", http.post("/api/orders/987654321/justification",
                "{\"decision\": \"JUSTIFY\", " + BELL + "}"));
        assertError(400, "order id must be a number", http.post("/api/orders/abc/justification", "{}"));
        assertEquals("AWAITING_JUSTIFICATION", http.orders("placerOrderNumber=PR-B1").get(0).get("status").asText(),
                "nothing was decided by a bad request");
    }

    @Test
    void anAutomaticallyJustifiedOrderCannotBeJustifiedAgain() throws IOException {
        JsonNode order = referral(39, "PR-A1", "SCHEDULED");

        Http.Reply r = decide(order, "{\"decision\": \"JUSTIFY\", " + BELL + "}");

        assertError(409, "already final (JUSTIFIED)", r);
        assertEquals(1, http.get("/api/orders/" + order.get("id").asText()).json().get("decisions").size());
    }

    private static void assertError(int status, String fragment, Http.Reply r) {
        assertEquals(status, r.status(), String.valueOf(r.json()));
        assertTrue(r.json().get("error").asText().contains(fragment), r.json().get("error").asText());
    }
}
