package org.dxaflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.dxaflow.order.Order;
import org.dxaflow.order.OrderStatus;
import org.dxaflow.order.SentDate;
import org.dxaflow.testing.TestOrders;
import org.junit.jupiter.api.Test;

/**
 * The order as the API shows it: the dates the order book now holds typed are shown as the HL7 text
 * they have always been shown as (an unreadable one as it was sent), the sex as its code.
 */
class OrderViewsTest {

    private static Map<String, Object> view(SentDate requested, SentDate referral) {
        return OrderViews.order(TestOrders.order("2.4", OrderStatus.RECEIVED, requested, referral, List.of()));
    }

    @Test
    void datesAreShownAsHl7Text() {
        LocalDate day = LocalDate.of(2026, 12, 12);
        assertEquals("20261212", view(SentDate.of(day), SentDate.NONE).get("requestedDate"));
        assertEquals("202612121430", view(SentDate.of(day, LocalTime.of(14, 30)), SentDate.NONE).get("requestedDate"));
        assertEquals("20261212143005",
                view(SentDate.of(day, LocalTime.of(14, 30, 5)), SentDate.NONE).get("requestedDate"));
        assertEquals("2026-12-12", view(SentDate.unreadable("2026-12-12"), SentDate.NONE).get("requestedDate"),
                "as it was sent");
        assertEquals("", view(SentDate.NONE, SentDate.NONE).get("requestedDate"));
        assertEquals("20261120", view(SentDate.NONE, SentDate.of(LocalDate.of(2026, 11, 20))).get("referralDate"));
        assertEquals("", view(SentDate.NONE, SentDate.NONE).get("referralDate"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSexIsItsCode() {
        Order o = TestOrders.order("2.4", OrderStatus.RECEIVED, SentDate.NONE, SentDate.NONE, List.of());
        assertEquals("F", ((Map<String, Object>) OrderViews.order(o).get("patient")).get("sex"));
    }
}
