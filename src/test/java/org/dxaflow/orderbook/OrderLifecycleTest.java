package org.dxaflow.orderbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.dxaflow.order.OrderStatus;
import org.junit.jupiter.api.Test;

/** The order lifecycle table, read cell by cell against the pathway's rules. */
class OrderLifecycleTest {

    private final OrderLifecycle lifecycle = new OrderLifecycle();

    private Optional<OrderLifecycle.Transition> on(OrderStatus s, OrderEvent e) {
        return lifecycle.on(s, e);
    }

    private static Optional<OrderLifecycle.Transition> to(OrderStatus s) {
        return Optional.of(new OrderLifecycle.To(s));
    }

    private static final Optional<OrderLifecycle.Transition> STAY = Optional.of(new OrderLifecycle.Stay());

    @Test
    void aFinalReportInPacsReportsAScannedOrderAndNothingElse() {
        // SCHEDULED: a result that could not be computed does not complete the order; its report does
        for (OrderStatus s : List.of(OrderStatus.SCHEDULED, OrderStatus.IN_PROGRESS, OrderStatus.COMPLETED,
                OrderStatus.DISCONTINUED)) {
            assertEquals(to(OrderStatus.REPORTED), on(s, OrderEvent.FINAL_REPORT_DELIVERED), s.name());
        }
        assertEquals(STAY, on(OrderStatus.REPORTED, OrderEvent.FINAL_REPORT_DELIVERED), "an amendment later");
        // an exposure incident's order stays with the practitioner; a report never schedules or closes it
        for (OrderStatus s : List.of(OrderStatus.RECEIVED, OrderStatus.AWAITING_JUSTIFICATION,
                OrderStatus.DNA, OrderStatus.CANCELLED, OrderStatus.RETURNED, OrderStatus.REJECTED)) {
            assertFalse(lifecycle.allows(s, OrderEvent.FINAL_REPORT_DELIVERED), s.name());
        }
    }

    @Test
    void resultsCompleteAScheduledOrInProgressOrderOnly() {
        assertEquals(to(OrderStatus.COMPLETED), on(OrderStatus.SCHEDULED, OrderEvent.RESULT_RECEIVED));
        assertEquals(to(OrderStatus.COMPLETED), on(OrderStatus.IN_PROGRESS, OrderEvent.RESULT_RECEIVED));
        for (OrderStatus s : List.of(OrderStatus.RECEIVED, OrderStatus.AWAITING_JUSTIFICATION, OrderStatus.COMPLETED,
                OrderStatus.REPORTED, OrderStatus.CANCELLED, OrderStatus.DISCONTINUED)) {
            assertEquals(STAY, on(s, OrderEvent.RESULT_RECEIVED), s.name());
        }
    }

    @Test
    void onlyAScheduledOrderStartsOnMppsAndAHeldOneStaysWithThePractitioner() {
        assertEquals(to(OrderStatus.IN_PROGRESS), on(OrderStatus.SCHEDULED, OrderEvent.SCAN_STARTED));
        assertEquals(STAY, on(OrderStatus.AWAITING_JUSTIFICATION, OrderEvent.SCAN_STARTED));
        assertEquals(STAY, on(OrderStatus.RECEIVED, OrderEvent.SCAN_COMPLETED));
        assertEquals(to(OrderStatus.DISCONTINUED), on(OrderStatus.IN_PROGRESS, OrderEvent.SCAN_DISCONTINUED));
    }

    @Test
    void theRisCannotCancelAScannedOrFinalOrderAndACancelResentIsTaken() {
        for (OrderStatus s : List.of(OrderStatus.IN_PROGRESS, OrderStatus.COMPLETED, OrderStatus.REPORTED,
                OrderStatus.REJECTED)) {
            assertTrue(on(s, OrderEvent.CANCELLED_BY_RIS).isEmpty(), s.name());
        }
        assertEquals(STAY, on(OrderStatus.CANCELLED, OrderEvent.CANCELLED_BY_RIS));
        assertEquals(to(OrderStatus.CANCELLED), on(OrderStatus.SCHEDULED, OrderEvent.CANCELLED_BY_RIS));
    }

    @Test
    void aChangedReferralSendsADecidedOrderBackToTheGate() {
        assertEquals(to(OrderStatus.RECEIVED), on(OrderStatus.SCHEDULED, OrderEvent.REFERRAL_CHANGED));
        assertEquals(to(OrderStatus.RECEIVED), on(OrderStatus.AWAITING_JUSTIFICATION, OrderEvent.REFERRAL_CHANGED));
        assertEquals(STAY, on(OrderStatus.COMPLETED, OrderEvent.REFERRAL_CHANGED));
        assertTrue(on(OrderStatus.CANCELLED, OrderEvent.CHANGED_BY_RIS).isEmpty());
    }

    @Test
    void aMissedAppointmentTakesTheOrderOffTheWorklistAndBookingAgainRestoresIt() {
        assertEquals(to(OrderStatus.DNA), on(OrderStatus.SCHEDULED, OrderEvent.DID_NOT_ATTEND));
        assertEquals(Optional.of(new OrderLifecycle.Restore(OrderStatus.AWAITING_JUSTIFICATION)),
                on(OrderStatus.DNA, OrderEvent.APPOINTMENT_BOOKED));
        assertTrue(on(OrderStatus.COMPLETED, OrderEvent.DID_NOT_ATTEND).isEmpty(), "the scanner's word stands");
        assertTrue(on(OrderStatus.IN_PROGRESS, OrderEvent.APPOINTMENT_CANCELLED).isEmpty());
    }

    @Test
    void aJustificationAfterTheExposureNeverPutsTheOrderOnTheWorklist() {
        for (OrderStatus s : OrderStatus.values()) {
            for (OrderEvent e : List.of(OrderEvent.JUSTIFIED_AFTER_SCAN_STARTED, OrderEvent.JUSTIFIED_AFTER_SCAN_COMPLETED,
                    OrderEvent.JUSTIFIED_AFTER_SCAN_DISCONTINUED)) {
                assertFalse(on(s, e).equals(to(OrderStatus.SCHEDULED)), s + " " + e);
            }
        }
    }

    @Test
    void nothingMovesAnOrderOutOfAFinalStatus() {
        for (OrderStatus s : OrderStatus.values()) {
            if (!s.isFinal()) {
                continue;
            }
            for (OrderEvent e : OrderEvent.values()) {
                Optional<OrderLifecycle.Transition> t = on(s, e);
                assertTrue(t.isEmpty() || t.equals(STAY), s + " " + e + " -> " + t);
            }
        }
    }

    @Test
    void everyDecisionIsTakenInEveryStatusSoAnIncidentCanAlwaysBeAnswered() {
        for (OrderStatus s : OrderStatus.values()) {
            for (OrderEvent e : List.of(OrderEvent.JUSTIFIED, OrderEvent.HELD_FOR_REVIEW, OrderEvent.RETURNED,
                    OrderEvent.REJECTED)) {
                assertTrue(lifecycle.allows(s, e), s + " " + e);
            }
        }
    }
}
