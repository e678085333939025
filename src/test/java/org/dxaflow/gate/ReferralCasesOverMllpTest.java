package org.dxaflow.gate;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.ConfDir;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.ReferralCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance 1: every hand-written referral case of samples/hl7/referrals, sent over MLLP as the
 * RIS would (ORM^O01 v2.3/2.4 and OMG^O19 v2.5/2.5.1 in turn), gets the outcome and protocol its
 * file expects, visible at /api/orders?placerOrderNumber=. One engine for all cases; the
 * referrer list is the suite's (G8123456 and C4455667 entitled).
 */
class ReferralCasesOverMllpTest {

    /** The order status each outcome must leave the order in (issue: order lifecycle). */
    private static final Map<String, String> STATUS_FOR_OUTCOME = Map.of(
            "JUSTIFIED", "SCHEDULED",
            "NEEDS_REVIEW", "AWAITING_JUSTIFICATION",
            "RETURNED", "RETURNED");

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.shipped().andConf(ConfDir::withCaseReferrers);
    static final Http http = engine.http();
    static final List<ReferralCase> CASES = ReferralCase.all();

    @BeforeAll
    static void sendEveryCase() throws IOException {
        List<String> messages = new java.util.ArrayList<>();
        for (int i = 0; i < CASES.size(); i++) {
            ReferralCase c = CASES.get(i);
            messages.add(c.toHl7(c.version(i), "RC" + i));
        }
        engine.acceptAll(messages);
    }

    static Stream<ReferralCase> cases() {
        return CASES.stream();
    }

    @Test
    void theSuiteCoversAtLeastFortyCases() {
        assertTrue(CASES.size() >= 40, "cases: " + CASES.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outcomeAndProtocolAreThoseTheCaseExpects(ReferralCase c) {
        JsonNode order = Await.until(c.id() + " decided", Duration.ofSeconds(60),
                () -> http.orders("placerOrderNumber=" + c.placerOrderNumber()),
                list -> list.size() == 1 && !list.get(0).path("justification").isNull()).get(0);
        JsonNode j = order.path("justification");
        Set<String> flags = new HashSet<>();
        j.path("flags").forEach(f -> flags.add(f.asText()));
        List<String> protocol = new java.util.ArrayList<>();
        j.path("protocol").forEach(p -> protocol.add(p.asText()));
        JsonNode detail = http.get("/api/orders/" + order.path("id").asText()).json();
        assertAll(c.id() + " -> " + j,
                () -> assertEquals(c.expectedOutcome(), j.path("outcome").asText(), "outcome"),
                () -> assertEquals(STATUS_FOR_OUTCOME.get(c.expectedOutcome()), order.path("status").asText(), "status"),
                () -> assertEquals(c.expectedProtocol(), protocol, "protocol"),
                () -> assertEquals(Set.copyOf(c.expectedFlags()), flags, "flags"),
                () -> assertEquals(c.expectedEarliestScanDate(),
                        j.path("earliestScanDate").isNull() ? null : j.path("earliestScanDate").asText(),
                        "earliest scan date"),
                () -> assertEquals("2025.06-2", j.path("ruleSetVersion").asText(), "rule-set version"),
                () -> assertEquals("AUTO", j.path("decidedBy").path("mode").asText(), "decided by"),
                () -> c.expectedCriteria().forEach((name, status) -> assertEquals(status,
                        criterion(detail, name).path("status").asText(), "criterion " + name)));
    }

    private static JsonNode criterion(JsonNode detail, String name) {
        for (JsonNode c : detail.path("justification").path("criteria")) {
            if (c.path("criterion").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("criterion " + name + " not in the audit record: " + detail.path("justification"));
    }
}
