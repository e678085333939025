package org.dxaflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.Samples;
import org.dxaflow.testing.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call what. The matrix below is the specification (issue #12's roles): each endpoint and
 * the roles allowed; admin may do everything; nobody without credentials but health. A refused
 * role is 403; an allowed one is never 401 or 403 (what it then answers, 200, 400 or 404, is the
 * endpoint's own business). Every request a user makes is in the audit trail.
 */
class AccessControlTest {

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.shipped();
    static final Http http = engine.http();

    static long orderId;

    /** One endpoint: method, path, a body for POSTs, and the roles allowed besides admin. */
    record Endpoint(String method, String path, String body, Set<String> roles) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Endpoint> endpoints() {
        String order = "/api/orders/" + orderId;
        Set<String> orderReaders = Set.of("operator", "practitioner", "reporter");
        return List.of(
                new Endpoint("GET", "/api/orders", null, orderReaders),
                new Endpoint("GET", order, null, orderReaders),
                new Endpoint("GET", order + "/result", null, orderReaders),
                new Endpoint("GET", order + "/reports", null, orderReaders),
                new Endpoint("GET", "/api/messages", null, Set.of("engineer")),
                new Endpoint("GET", "/api/messages/1", null, Set.of("engineer")),
                new Endpoint("GET", "/api/objects", null, Set.of("operator", "engineer")),
                new Endpoint("GET", "/api/justification/queue", null, Set.of("practitioner", "operator")),
                new Endpoint("GET", "/api/justification/incidents", null, Set.of("practitioner", "operator")),
                new Endpoint("POST", order + "/justification", "{\"decision\":\"MAYBE\"}", Set.of("practitioner")),
                new Endpoint("GET", "/api/results", null, Set.of("operator", "reporter")),
                new Endpoint("GET", "/api/results/unmatched", null, Set.of("operator", "reporter")),
                new Endpoint("GET", "/api/results/1", null, Set.of("operator", "reporter")),
                new Endpoint("POST", "/api/results/999/match", "{}", Set.of("operator")),
                new Endpoint("POST", "/api/results/999/reprocess", "{}", Set.of("operator")),
                new Endpoint("POST", "/api/densitometry/compute", "{}", Set.of("reporter", "engineer")),
                new Endpoint("GET", "/api/reports", null, Set.of("reporter", "operator")),
                new Endpoint("GET", "/api/reports/999", null, Set.of("reporter", "operator")),
                new Endpoint("GET", "/api/reports/999/pdf", null, Set.of("reporter", "operator")),
                new Endpoint("POST", "/api/reports/999/verify", "{}", Set.of("reporter")),
                new Endpoint("POST", "/api/reports/999/amend", "{}", Set.of("reporter")),
                new Endpoint("GET", "/api/deliveries", null, Set.of("operator", "engineer")),
                new Endpoint("POST", "/api/deliveries/999/resend", "", Set.of("operator", "engineer")),
                new Endpoint("GET", "/api/audit", null, Set.of()),
                new Endpoint("GET", "/api/users", null, Set.of()));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cells = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            for (String role : TestUsers.ROLES) {
                cells.add(Arguments.of(e, role));
            }
        }
        return cells.stream();
    }

    @BeforeAll
    static void anOrder() throws Exception {
        engine.accept(Samples.hl7("03-omg-o19-v251-new-order.hl7"));
        orderId = Await.until("order stored", Duration.ofSeconds(20), () -> http.orders("accessionNumber=ACC100003"),
                a -> a.size() == 1).get(0).get("id").asLong();
    }

    private static int call(Http client, Endpoint e) {
        if (e.method().equals("GET")) {
            return e.path().endsWith("/pdf") ? client.getDocument(e.path()).status() : client.get(e.path()).status();
        }
        return client.post(e.path(), e.body()).status();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void eachRoleGetsExactlyItsEndpoints(Endpoint e, String role) {
        int status = call(http.as(role), e);
        if (role.equals("admin") || e.roles().contains(role)) {
            assertFalse(status == 401 || status == 403, e + " as " + role + " answered " + status);
        } else {
            assertEquals(403, status, e + " as " + role);
        }
    }

    @Test
    void withoutCredentialsOnlyHealthAnswers() {
        assertEquals(200, http.anonymous().get("/api/health").status());
        for (Endpoint e : endpoints()) {
            Http.Reply r = e.method().equals("GET") && !e.path().endsWith("/pdf") ? http.anonymous().get(e.path())
                    : null;
            int status = r != null ? r.status() : call(http.anonymous(), e);
            assertEquals(401, status, e.toString());
            if (r != null) {
                assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm=\"dxaflow\""),
                        e + ": " + r.headers().map());
            }
        }
        assertEquals(401, http.as("operator", "wrong password").get("/api/orders").status());
        assertEquals(401, http.as("nobody").get("/api/orders").status());
    }

    @Test
    void aDecisionIsRecordedUnderTheSignedInPractitionerAndAudited() {
        Http practitioner = http.as("practitioner");
        Http.Reply named = practitioner.post("/api/orders/" + orderId + "/justification",
                "{\"decision\":\"JUSTIFY\",\"practitioner\":{\"id\":\"X\",\"name\":\"Anon\",\"role\":\"none\"}}");
        assertEquals(400, named.status(), "a made-up practitioner is refused: " + named.json());
        Http.Reply decided = practitioner.post("/api/orders/" + orderId + "/justification",
                "{\"decision\":\"RETURN\",\"comment\":\"Not enough clinical detail\"}");
        assertEquals(200, decided.status(), String.valueOf(decided.json()));
        JsonNode by = decided.json().get("justification").get("decidedBy");
        assertEquals("Test practitioner", by.get("name").asText(), decided.json().toString());
        assertEquals("Test practitioner title", by.get("role").asText(), "the title the user directory gives");

        JsonNode audit = http.get("/api/audit?user=practitioner").json();
        assertTrue(has(audit, "justification-decide", "ORDER", Long.toString(orderId), "SUCCESS"), audit.toString());
    }

    @Test
    void viewsOfPatientDataAndFailedLoginsAreAudited() {
        http.as("operator").get("/api/orders/" + orderId);
        http.as("reporter", "not the password").get("/api/orders/" + orderId);
        JsonNode byPatient = http.get("/api/audit?patient=RX1000003").json();
        assertTrue(has(byPatient, "order", "ORDER", Long.toString(orderId), "SUCCESS"), byPatient.toString());
        for (JsonNode e : byPatient) {
            assertFalse(e.toString().contains("HOLDEN"), "no patient data in the audit trail: " + e);
        }
        JsonNode failures = http.get("/api/audit?user=reporter").json();
        assertTrue(has(failures, "LOGIN", null, null, "FAILURE"), failures.toString());
        assertEquals(400, http.get("/api/audit?from=yesterday").status());
        assertEquals(403, http.as("engineer").get("/api/audit").status(), "the audit trail is for admins");
    }

    @Test
    void adminsListTheUsersWithTheirRolesAndNeverAHash() {
        Http.Reply users = http.get("/api/users");
        assertEquals(200, users.status());
        assertTrue(users.json().toString().contains("\"username\":\"reporter\""), users.json().toString());
        assertFalse(users.json().toString().contains("$2a$"), "no password hash in the answer");
    }

    @Test
    void aRejectedDicomAssociationIsAudited() throws Exception {
        org.dxaflow.dicom.testing.Dcmtk.Result echo = org.dxaflow.dicom.testing.Dcmtk.run("echoscu", "-aet", "INTRUDER",
                "-aec", "NOT-DXAFLOW", "127.0.0.1", Integer.toString(engine.dicomPort()));
        assertTrue(echo.exitCode() != 0, "the association is rejected: " + echo.output());
        JsonNode audit = Await.until("the rejection audited", Duration.ofSeconds(10),
                () -> http.get("/api/audit?user=INTRUDER").json(), a -> a.size() > 0);
        assertTrue(has(audit, "DICOM_ASSOCIATION_REJECTED", "ASSOCIATION", "NOT-DXAFLOW", "DENIED"), audit.toString());
    }

    @Test
    void anHl7RefusalIsAudited() throws Exception {
        String unsupported = Samples.hl7("03-omg-o19-v251-new-order.hl7").replace("|P|2.5.1", "|P|2.9");
        String ack = engine.send(unsupported);
        assertTrue(ack.contains("MSA|AR") || ack.contains("MSA|AE"), ack);
        JsonNode audit = http.get("/api/audit?user=CRIS").json();
        assertTrue(has(audit, "HL7_REFUSED", "MESSAGE", null, "FAILURE"), audit.toString());
    }

    @Test
    void repeatedFailedLoginsAreRefusedForAWhileWithoutCheckingThePassword() {
        Http guesser = http.as("engineer", "guess");
        int last = 0;
        for (int i = 0; i < 6; i++) {
            last = guesser.get("/api/messages").status();
        }
        assertEquals(429, last, "after 5 failures the sixth is refused");
        Http.Reply right = http.as("engineer").get("/api/messages");
        assertEquals(429, right.status(), "even with the right password, until the lockout ends");
        assertTrue(Long.parseLong(right.headers().firstValue("Retry-After").orElse("0")) > 0);
        assertEquals(200, http.as("operator").get("/api/objects").status(),
                "another user from the same address is not locked out by one user's failures");
    }

    private static boolean has(JsonNode events, String action, String type, String id, String outcome) {
        for (JsonNode e : events) {
            if (e.get("action").asText().equals(action) && e.get("outcome").asText().equals(outcome)
                    && (type == null || type.equals(e.path("resourceType").asText()))
                    && (id == null || id.equals(e.path("resourceId").asText()))) {
                return true;
            }
        }
        return false;
    }
}
