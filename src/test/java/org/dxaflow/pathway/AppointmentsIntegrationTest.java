package org.dxaflow.pathway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.ReferralCase;
import org.dxaflow.testing.Samples;
import org.dxaflow.testing.ShippedCalendar;
import org.dxaflow.testing.SiuMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Appointments from the RIS (SIU^S12 book, S13 move, S14 change, S15 cancel, S26 did not attend)
 * over MLLP, the scheduled step without one (requested date, else next working day) and the
 * pathway times. A cancelled appointment cancels the order; a missed one moves it to DNA until the
 * RIS books it again. Case 39 (radiological osteopenia) is a referral the rules justify; case 32 one
 * they hold; case 1 one they return.
 */
class AppointmentsIntegrationTest {

    private static final ZoneId LONDON = ShippedCalendar.ZONE;

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.shipped();
    static final Http http = engine.http();
    static int control;

    static JsonNode order(int caseNumber, String placer, String status) throws IOException {
        engine.accept(ReferralCase.number(caseNumber).toHl7("2.5.1", "A-" + placer, placer));
        return awaitOrder(placer, o -> o.get("status").asText().equals(status));
    }

    static JsonNode awaitOrder(String placer, java.util.function.Predicate<JsonNode> done) {
        return Await.until(placer, Duration.ofSeconds(20), () -> http.orders("placerOrderNumber=" + placer).get(0), done);
    }

    static void siu(String trigger, String version, String placer, String appointmentId, String start, String status)
            throws IOException {
        engine.accept(SiuMessages.siu(trigger, version, "S-" + (++control), placer, appointmentId, start, status));
    }

    static String step(JsonNode order) {
        JsonNode s = order.get("pathway").get("scheduledStep");
        return s.isNull() ? "none" : s.get("date").asText() + " " + s.get("time").asText() + " " + s.get("source").asText();
    }

    @Test
    void withoutAnAppointmentTheStepIsTheNextWorkingDayAndTheTargetSixWeeksAfterReceipt() throws IOException {
        JsonNode o = order(39, "AP-DEFAULT", "SCHEDULED");

        JsonNode p = o.get("pathway");
        assertEquals(ShippedCalendar.nextWorkingDay() + " null NEXT_WORKING_DAY", step(o));
        assertEquals(LocalDate.now(LONDON).plusWeeks(6).toString(), p.get("targetDate").asText());
        assertTrue(!p.get("referralReceivedAt").isNull() && !p.get("justifiedAt").isNull(), p.toString());
        assertTrue(p.get("appointment").isNull());
    }

    @Test
    void aRequestedDateInTheFutureIsTheStepAndOneInThePastIsNot() throws IOException {
        String future = LocalDate.now(LONDON).plusDays(20).format(DateTimeFormatter.BASIC_ISO_DATE);
        String withDate = ReferralCase.number(39).toHl7("2.5.1", "A-REQ1", "AP-REQ1")
                .replaceFirst("\r(OBR\\|)", "\rTQ1|1||||||" + future + "1015\r$1");
        String pastDate = ReferralCase.number(39).toHl7("2.4", "A-REQ2", "AP-REQ2")
                .replace("ORC|NW|AP-REQ2^CRIS|||||", "ORC|NW|AP-REQ2^CRIS|||||^^^20240101");
        engine.accept(withDate);
        engine.accept(pastDate);

        JsonNode requested = awaitOrder("AP-REQ1", o -> o.get("status").asText().equals("SCHEDULED"));
        JsonNode past = awaitOrder("AP-REQ2", o -> o.get("status").asText().equals("SCHEDULED"));

        assertEquals(LocalDate.now(LONDON).plusDays(20) + " 10:15:00 REQUESTED_DATE", step(requested));
        assertEquals(ShippedCalendar.nextWorkingDay() + " null NEXT_WORKING_DAY", step(past));
    }

    @Test
    void bookMoveChangeDidNotAttendBookAgainAndCancel() throws IOException {
        order(39, "AP-1", "SCHEDULED");

        siu("S12", "2.5.1", "AP-1", "APPT-1", "202612071030", "Booked");
        JsonNode booked = awaitOrder("AP-1", o -> step(o).startsWith("2026-12-07"));
        assertEquals("2026-12-07 10:30:00 APPOINTMENT", step(booked));
        assertEquals("BOOKED", booked.get("pathway").get("appointment").get("status").asText());
        assertEquals("APPT-1", booked.get("pathway").get("appointment").get("id").asText());
        assertEquals("2026-12-07T10:30:00", booked.get("pathway").get("appointmentAt").asText());

        siu("S13", "2.4", "AP-1", "APPT-1", "202612091415", "Booked");
        assertEquals("2026-12-09 14:15:00 APPOINTMENT", step(awaitOrder("AP-1", o -> step(o).startsWith("2026-12-09"))));

        siu("S14", "2.5.1", "AP-1", "APPT-1", "202612091445", "Booked");
        assertEquals("2026-12-09 14:45:00 APPOINTMENT", step(awaitOrder("AP-1", o -> step(o).contains("14:45"))));

        siu("S26", "2.5.1", "AP-1", "APPT-1", "", "Noshow");
        JsonNode dna = awaitOrder("AP-1", o -> o.get("status").asText().equals("DNA"));
        assertEquals("DID_NOT_ATTEND", dna.get("pathway").get("appointment").get("status").asText());
        assertEquals(1, dna.get("pathway").get("didNotAttendCount").asInt());
        assertEquals("2026-12-09T14:45:00", dna.get("pathway").get("appointmentAt").asText(), "the missed slot is kept");

        siu("S12", "2.5.1", "AP-1", "APPT-2", "202612141000", "Booked");
        JsonNode again = awaitOrder("AP-1", o -> o.get("status").asText().equals("SCHEDULED"));
        assertEquals("2026-12-14 10:00:00 APPOINTMENT", step(again));

        siu("S15", "2.5.1", "AP-1", "APPT-2", "", "Cancelled");
        JsonNode cancelled = awaitOrder("AP-1", o -> o.get("status").asText().equals("CANCELLED"));
        assertEquals("CANCELLED", cancelled.get("pathway").get("appointment").get("status").asText());

        JsonNode detail = http.get("/api/orders/" + dna.get("id").asText()).json();
        StringBuilder actions = new StringBuilder();
        detail.get("messages").forEach(m -> actions.append(m.get("action").asText()).append(' '));
        assertEquals("CREATED APPOINTMENT_BOOKED APPOINTMENT_RESCHEDULED APPOINTMENT_MODIFIED"
                + " APPOINTMENT_DID_NOT_ATTEND APPOINTMENT_BOOKED APPOINTMENT_CANCELLED", actions.toString().trim());
        assertEquals("RECEIVED->SCHEDULED SCHEDULED->DNA DNA->SCHEDULED SCHEDULED->CANCELLED ",
                transitions(detail.get("statusHistory")));
    }

    @Test
    void anOrderBookedWhileHeldIsScheduledOnItsAppointmentOnceJustified() throws IOException {
        JsonNode held = order(32, "AP-HELD", "AWAITING_JUSTIFICATION");
        siu("S12", "2.3", "AP-HELD", "APPT-H", "202612151100", "Booked");
        awaitOrder("AP-HELD", o -> !o.get("pathway").get("appointment").isNull());

        Http.Reply r = http.post("/api/orders/" + held.get("id").asText() + "/justification",
                "{\"decision\": \"JUSTIFY\", \"practitioner\": {\"id\": \"PRAC-0002\", \"name\": \"Dr Ruth Bell\","
                        + " \"role\": \"Consultant radiologist\"}}");

        assertEquals(200, r.status(), String.valueOf(r.json()));
        assertEquals("2026-12-15 11:00:00 APPOINTMENT", step(r.json()));
    }

    @Test
    void appointmentsThatCannotApplyAreRecordedOrRefused() throws IOException {
        order(1, "AP-RET", "RETURNED");
        siu("S12", "2.5.1", "AP-RET", "APPT-R", "202612071030", "Booked");
        siu("S12", "2.5.1", "AP-NOSUCH", "APPT-N", "202612071030", "Booked");
        JsonNode errors = Await.until("errors recorded", Duration.ofSeconds(20),
                () -> http.get("/api/messages?status=ERROR").json(), list -> list.toString().contains("AP-NOSUCH")
                        && list.toString().contains("AP-RET is RETURNED"));
        assertTrue(errors.toString().contains("No order with placer order number AP-NOSUCH for SIU^S12"), errors.toString());

        String noOrder = engine.send(SiuMessages.siu("S12", "2.5.1", "S-X1", "", "APPT-X", "202612071030", "Booked")
                .replace("|^CRIS", "|"));
        assertEquals("AE", Samples.field(noOrder, "MSA", 1), noOrder);
        assertEquals("SCH^1^26", Samples.field(noOrder, "ERR", 2));
        String noStart = engine.send(SiuMessages.siu("S12", "2.5.1", "S-X2", "AP-RET", "APPT-X", "", "Booked"));
        assertEquals("AE", Samples.field(noStart, "MSA", 1), noStart);
        assertEquals("AIS^1^4", Samples.field(noStart, "ERR", 2));
    }

    @Test
    void aCancelFromTheRisTakesAScheduledOrderOffTheWorklist() throws IOException {
        order(39, "AP-CA", "SCHEDULED");

        engine.send(ReferralCase.number(39).toHl7("2.5.1", "A-CA2", "AP-CA").replace("ORC|NW|", "ORC|CA|"));

        JsonNode o = awaitOrder("AP-CA", x -> x.get("status").asText().equals("CANCELLED"));
        JsonNode history = http.get("/api/orders/" + o.get("id").asText()).json().get("statusHistory");
        assertEquals("RECEIVED->SCHEDULED SCHEDULED->CANCELLED ", transitions(history));
    }

    private static String transitions(JsonNode history) {
        StringBuilder sb = new StringBuilder();
        history.forEach(h -> sb.append(h.get("from").asText()).append("->").append(h.get("to").asText()).append(' '));
        return sb.toString();
    }
}
