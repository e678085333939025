package org.dxaflow.ris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.FakeRis;
import org.dxaflow.testing.FakeRis.Answer;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.ReferralCase;
import org.dxaflow.testing.Samples;
import org.dxaflow.testing.ShippedCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every status change reaches a real MLLP listener standing in for the RIS, as an order status
 * message in the order's own HL7 version; a RIS that refuses is retried until it accepts, and one
 * that never accepts ends in the dead letter queue. Expected fields are written from HL7 tables
 * 0119 (ORC-1 SC) and 0038 (ORC-5 SC, HD, CA).
 */
class RisStatusMessagesIntegrationTest {

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.withEnv(Map.of(
            "DXAFLOW_RIS_FACILITY", "RXA",
            "DXAFLOW_RIS_TIMEOUT_MS", "1000",
            "DXAFLOW_RIS_RETRY_ATTEMPTS", "3",
            "DXAFLOW_RIS_RETRY_DELAY_MS", "100",
            "DXAFLOW_BROKER_MAX_DELIVERY_ATTEMPTS", "2",
            "DXAFLOW_BROKER_REDELIVERY_DELAY_MS", "100")).andRis();
    static final Http http = engine.http();

    @AfterEach
    void risAcceptsAgain() {
        ris().otherwise(Answer.AA);
    }

    static FakeRis ris() {
        return engine.ris();
    }

    static void send(String message) throws IOException {
        engine.accept(message);
    }

    static String nextWorkingDay() {
        return ShippedCalendar.nextWorkingDay().format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    static List<FakeRis.Received> accepted(String placer, String orderStatus) {
        return ris().awaitAccepted(r -> r.field("ORC", 2).equals(placer + "^CRIS")
                && r.field("ORC", 5).equals(orderStatus), Duration.ofSeconds(20));
    }

    @Test
    void justifiedV24OrderIsReportedScheduledAsOrmO01() throws IOException {
        send(ReferralCase.number(39).toHl7("2.4", "R-1", "RIS-SC24"));

        FakeRis.Received m = accepted("RIS-SC24", "SC").get(0);

        assertEquals("ORM^O01^ORM_O01", m.field("MSH", 9));
        assertEquals("2.4", m.field("MSH", 12));
        assertEquals("DXAFLOW", m.field("MSH", 3));
        assertEquals("CRIS", m.field("MSH", 5));
        assertEquals("RXA", m.field("MSH", 6));
        assertEquals("SC", m.field("ORC", 1));
        assertEquals("^^^" + nextWorkingDay(), m.field("ORC", 7), "scheduled step: no requested date, next working day");
        assertEquals("RIS-SC24", m.field("OBR", 18), "accession number as the RIS sent it in OBR-18");
        assertEquals("MRRIS-SC24^^^RXA^MR", m.field("PID", 3));
        JsonNode order = http.orders("placerOrderNumber=RIS-SC24").get(0);
        Await.until("delivery recorded", Duration.ofSeconds(30),
                () -> http.get("/api/orders/" + order.get("id").asText()).json().get("statusHistory").get(0),
                h -> h.get("risMessage").asText().equals("DELIVERED") && h.get("to").asText().equals("SCHEDULED"));
    }

    @Test
    void returnedV251OrderIsReportedCancelledWithTheReasonAsOmgO19() throws IOException {
        send(ReferralCase.number(1).toHl7("2.5.1", "R-2", "RIS-RET251"));

        FakeRis.Received m = accepted("RIS-RET251", "CA").get(0);

        assertEquals("OMG^O19^OMG_O19", m.field("MSH", 9));
        assertEquals("2.5.1", m.field("MSH", 12));
        assertEquals("SC", m.field("ORC", 1));
        String reason = m.field("ORC", 16);
        assertTrue(reason.startsWith("RETURNED^") && reason.endsWith("^99DXAFLOW"), reason);
        assertTrue(reason.contains("Referrer not identified"), reason);
        assertTrue(m.field("NTE", 3).contains("unsigned referrals are returned for clarification"), m.message());
        assertNull(Samples.field(m.message(), "TQ1", 1), "no scheduled step for a returned order");
    }

    @Test
    void heldThenPractitionerJustifiedThenCancelledArriveInThatOrderInV23() throws IOException {
        String placer = "RIS-HD23";
        send(ReferralCase.number(32).toHl7("2.3", "R-3", placer));
        FakeRis.Received held = accepted(placer, "HD").get(0);
        assertEquals("ORM^O01", held.field("MSH", 9), "v2.3 has no message structure component");
        assertTrue(held.field("ORC", 16).startsWith("HELD_FOR_REVIEW^"), held.field("ORC", 16));

        long id = http.orders("placerOrderNumber=" + placer).get(0).get("id").asLong();
        Http.Reply decided = http.post("/api/orders/" + id + "/justification", """
                {"decision": "JUSTIFY", "practitioner": {"id": "PRAC-0002", "name": "Dr Ruth Bell",
                 "role": "Consultant radiologist"}, "comment": "Prophylaxis not started; scan to guide it"}""");
        assertEquals(200, decided.status(), String.valueOf(decided.json()));
        accepted(placer, "SC");
        send(ReferralCase.number(32).toHl7("2.3", "R-4", placer).replace("ORC|NW|", "ORC|CA|"));
        accepted(placer, "CA");

        List<String> statuses = ris().received().stream().filter(r -> r.field("ORC", 2).equals(placer + "^CRIS"))
                .map(r -> r.field("ORC", 5)).toList();
        assertEquals(List.of("HD", "SC", "CA"), statuses);
    }

    @Test
    void aRisThatFirstRefusesIsRetriedWithTheSameControlIdUntilItAccepts() throws IOException {
        ris().answerNext(Answer.AE, Answer.CLOSE, Answer.SILENT);
        send(ReferralCase.number(39).toHl7("2.5", "R-5", "RIS-RETRY"));

        List<FakeRis.Received> attempts = accepted("RIS-RETRY", "SC");

        assertEquals(List.of(Answer.AE, Answer.CLOSE, Answer.SILENT, Answer.AA),
                attempts.stream().map(FakeRis.Received::answer).toList());
        assertEquals(1, attempts.stream().map(FakeRis.Received::controlId).distinct().count(),
                "a resend keeps its control id: " + attempts.stream().map(FakeRis.Received::controlId).toList());
    }

    @Test
    void aRisThatNeverAcceptsEndsInTheDeadLetterQueue() throws IOException {
        ris().otherwise(Answer.AR);
        send(ReferralCase.number(39).toHl7("2.4", "R-6", "RIS-DLQ"));

        String dead = engine.engine().camelContext().createConsumerTemplate()
                .receiveBody("jms:queue:dlq.dxaflow", 30_000, String.class);

        assertTrue(dead != null && dead.contains("ORC|SC|RIS-DLQ^CRIS"), "dead letter: " + dead);
        long tries = ris().received().stream().filter(r -> r.field("ORC", 2).equals("RIS-DLQ^CRIS")).count();
        assertEquals(8, tries, "2 deliveries by the broker x (1 try + 3 retries in the route)");
    }
}
