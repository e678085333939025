package org.dxaflow.ris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.dxaflow.order.OrderStatus;
import org.dxaflow.order.SentDate;
import org.dxaflow.orderbook.StatusChange;
import org.dxaflow.pathway.OrderSchedule;
import org.dxaflow.pathway.ScheduleSource;
import org.dxaflow.pathway.ScheduledStep;
import org.dxaflow.testing.TestOrders;
import org.junit.jupiter.api.Test;

/** The status messages byte for byte, as docs/hl7-conformance.md documents them. */
class RisStatusMessagesTest {

    private final RisStatusMessages messages = new RisStatusMessages(
            new RisSettings("ris", 2576, 1000, "DXAFLOW", "DXA", "CRIS", "RXA"), ZoneId.of("Europe/London"));

    /** 27 Nov 2026 12:00 UTC is 12:00 in London (GMT in winter). */
    private static final Instant CHANGED = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void scheduledV24OrderIsAnOrmO01WithTheStepInOrc7() {
        StatusChange change = new StatusChange(41, 7, OrderStatus.RECEIVED, OrderStatus.SCHEDULED, "", "", CHANGED);
        OrderSchedule schedule = new OrderSchedule(7, CHANGED, LocalDate.of(2027, 1, 8), CHANGED, null,
                new ScheduledStep(LocalDate.of(2026, 11, 30), LocalTime.of(9, 30), ScheduleSource.APPOINTMENT), null, 0,
                null);

        String m = messages.build(TestOrders.order("2.4", OrderStatus.SCHEDULED, SentDate.NONE, SentDate.NONE, List.of()), change, schedule);

        assertEquals(String.join("\r",
                "MSH|^~\\&|DXAFLOW|DXA|CRIS|RXA|20261127120000||ORM^O01^ORM_O01|DXS41|P|2.4",
                "PID|1||9990000018^^^NHS^NH~RX1000001^^^RXA^MR||HOLT^MARGARET||19550312|F",
                "ORC|SC|ORD100001^CRIS|ACC100001||SC||^^^20261130093000||20261127120000|||C3456789^PATEL^ANITA",
                "OBR|1|ORD100001^CRIS|ACC100001|XDXAS^DXA scan lumbar spine and hip^L||||||||||||||ACC100001") + "\r",
                m);
    }

    @Test
    void returnedV251OrderIsAnOmgO19CancelledWithTheReasonInOrc16AndAnNte() {
        StatusChange change = new StatusChange(42, 7, OrderStatus.RECEIVED, OrderStatus.RETURNED, "RETURNED",
                "REASON_GIVEN: No reason for referral given (REFREASON is empty)", CHANGED);

        String m = messages.build(TestOrders.order("2.5.1", OrderStatus.RETURNED, SentDate.NONE, SentDate.NONE, List.of()), change, null);

        assertEquals(String.join("\r",
                "MSH|^~\\&|DXAFLOW|DXA|CRIS|RXA|20261127120000||OMG^O19^OMG_O19|DXS42|P|2.5.1",
                "PID|1||9990000018^^^NHS^NH~RX1000001^^^RXA^MR||HOLT^MARGARET||19550312|F",
                "ORC|SC|ORD100001^CRIS|ACC100001||CA||||20261127120000|||C3456789^PATEL^ANITA||||"
                        + "RETURNED^REASON_GIVEN: No reason for referral given (REFREASON is empty)^99DXAFLOW",
                "OBR|1|ORD100001^CRIS|ACC100001|XDXAS^DXA scan lumbar spine and hip^L||||||||||||||ACC100001",
                "NTE|1|L|REASON_GIVEN: No reason for referral given (REFREASON is empty)") + "\r", m);
    }

    @Test
    void scheduledV25OrderCarriesTheStepInTq1AndV23HasNoStructureInMsh9() {
        StatusChange change = new StatusChange(43, 7, OrderStatus.AWAITING_JUSTIFICATION, OrderStatus.SCHEDULED, "", "",
                CHANGED);
        OrderSchedule schedule = new OrderSchedule(7, CHANGED, LocalDate.of(2027, 1, 8), CHANGED, null,
                new ScheduledStep(LocalDate.of(2026, 12, 1), null, ScheduleSource.NEXT_WORKING_DAY), null, 0, null);

        String v25 = messages.build(TestOrders.order("2.5", OrderStatus.SCHEDULED, SentDate.NONE, SentDate.NONE, List.of()), change, schedule);
        String v23 = messages.build(TestOrders.order("2.3", OrderStatus.SCHEDULED, SentDate.NONE, SentDate.NONE, List.of()), change, schedule);

        assertEquals("TQ1|1||||||20261201", v25.split("\r")[3]);
        assertEquals("ORC|SC|ORD100001^CRIS|ACC100001||SC||||20261127120000|||C3456789^PATEL^ANITA",
                v25.split("\r")[2], "v2.5 has no ORC-7");
        assertEquals("MSH|^~\\&|DXAFLOW|DXA|CRIS|RXA|20261127120000||ORM^O01|DXS43|P|2.3", v23.split("\r")[0]);
    }

    @Test
    void reasonTextIsEscapedAndOrc16KeptToTheCeLength() {
        String longText = "Pregnant | see notes ^ & ~ " + "x".repeat(300);
        StatusChange change = new StatusChange(44, 7, OrderStatus.AWAITING_JUSTIFICATION, OrderStatus.REJECTED,
                "REJECTED", longText, CHANGED);

        String[] segments = messages.build(TestOrders.order("2.4", OrderStatus.REJECTED, SentDate.NONE, SentDate.NONE, List.of()), change,
                null).split("\r");

        String orc16 = segments[2].substring(segments[2].indexOf("REJECTED^"));
        assertTrue(orc16.startsWith("REJECTED^Pregnant \\F\\ see notes \\S\\ \\T\\ \\R\\ xxx"), orc16);
        assertTrue(orc16.endsWith("xx...^99DXAFLOW"), orc16);
        assertEquals(199, orc16.substring("REJECTED^".length(), orc16.length() - "^99DXAFLOW".length())
                .replace("\\F\\", "|").replace("\\S\\", "^").replace("\\T\\", "&").replace("\\R\\", "~").length());
        assertEquals("NTE|1|L|Pregnant \\F\\ see notes \\S\\ \\T\\ \\R\\ " + "x".repeat(300), segments[4]);
    }

    @Test
    void orderStatusCodesFollowHl7Table0038() {
        assertEquals("SC", RisStatusMessages.orderStatus(OrderStatus.SCHEDULED));
        assertEquals("HD", RisStatusMessages.orderStatus(OrderStatus.AWAITING_JUSTIFICATION));
        assertEquals("CA", RisStatusMessages.orderStatus(OrderStatus.RETURNED));
        assertEquals("CA", RisStatusMessages.orderStatus(OrderStatus.REJECTED));
        assertEquals("CA", RisStatusMessages.orderStatus(OrderStatus.CANCELLED));
        assertEquals("IP", RisStatusMessages.orderStatus(OrderStatus.IN_PROGRESS));
        assertEquals("CM", RisStatusMessages.orderStatus(OrderStatus.COMPLETED));
        assertEquals("DC", RisStatusMessages.orderStatus(OrderStatus.DISCONTINUED));
        assertEquals("CM", RisStatusMessages.orderStatus(OrderStatus.REPORTED));
    }
}
