package org.dxaflow.orderbook;

import static org.dxaflow.order.OrderStatus.AWAITING_JUSTIFICATION;
import static org.dxaflow.order.OrderStatus.CANCELLED;
import static org.dxaflow.order.OrderStatus.COMPLETED;
import static org.dxaflow.order.OrderStatus.DISCONTINUED;
import static org.dxaflow.order.OrderStatus.DNA;
import static org.dxaflow.order.OrderStatus.IN_PROGRESS;
import static org.dxaflow.order.OrderStatus.RECEIVED;
import static org.dxaflow.order.OrderStatus.REPORTED;
import static org.dxaflow.order.OrderStatus.SCHEDULED;
import static org.dxaflow.orderbook.OrderEvent.APPOINTMENT_BOOKED;
import static org.dxaflow.orderbook.OrderEvent.APPOINTMENT_CANCELLED;
import static org.dxaflow.orderbook.OrderEvent.CANCELLED_BY_RIS;
import static org.dxaflow.orderbook.OrderEvent.CHANGED_BY_RIS;
import static org.dxaflow.orderbook.OrderEvent.DID_NOT_ATTEND;
import static org.dxaflow.orderbook.OrderEvent.HELD_FOR_REVIEW;
import static org.dxaflow.orderbook.OrderEvent.JUSTIFIED;
import static org.dxaflow.orderbook.OrderEvent.JUSTIFIED_AFTER_SCAN_COMPLETED;
import static org.dxaflow.orderbook.OrderEvent.JUSTIFIED_AFTER_SCAN_DISCONTINUED;
import static org.dxaflow.orderbook.OrderEvent.JUSTIFIED_AFTER_SCAN_STARTED;
import static org.dxaflow.orderbook.OrderEvent.REFERRAL_CHANGED;
import static org.dxaflow.orderbook.OrderEvent.REJECTED;
import static org.dxaflow.orderbook.OrderEvent.FINAL_REPORT_DELIVERED;
import static org.dxaflow.orderbook.OrderEvent.RESULT_RECEIVED;
import static org.dxaflow.orderbook.OrderEvent.RETURNED;
import static org.dxaflow.orderbook.OrderEvent.SCAN_COMPLETED;
import static org.dxaflow.orderbook.OrderEvent.SCAN_DISCONTINUED;
import static org.dxaflow.orderbook.OrderEvent.SCAN_STARTED;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dxaflow.order.OrderStatus;

/**
 * The order's whole lifecycle as one table: (status, event) → what happens. Written like
 * pynetdicom's {@code TRANSITION_TABLE} and our {@code dicom/net/StateMachine}: a cell is a move to
 * a status, {@link Stay} (the event is taken, the status stays), or {@link Restore} (back to the
 * status the order had before this one); an empty cell is a refusal, which the caller answers in
 * its own terms (HL7 AE, HTTP 409, a logged warning for MPPS). Every status change goes through
 * {@link StatusChanges#apply}, which reads this table.
 *
 * <p>Read a column to see what an event may do, a row to see what can happen to an order in one
 * status. A verified report filed in PACS (FINAL_REPORT_DELIVERED) moves a scanned order to REPORTED;
 * elsewhere (an order held after an exposure incident, a cancelled one) it is refused and the order
 * stays with the people who hold it.
 */
public final class OrderLifecycle {

    /** What an event does to an order in a given status. */
    public sealed interface Transition permits To, Stay, Restore {
    }

    /** The order moves to {@code status}. */
    public record To(OrderStatus status) implements Transition {
    }

    /** The event is taken; the status does not change. */
    public record Stay() implements Transition {
    }

    /**
     * Back to the status the order had before it entered the one it is in; {@code otherwise} when no
     * earlier status is recorded (failing safe: to a person).
     */
    public record Restore(OrderStatus otherwise) implements Transition {
    }

    private static final Stay STAY = new Stay();
    /** Every decision of the gate or a practitioner: taken in every status, so an incident can always be answered. */
    private static final List<OrderEvent> DECISIONS = List.of(JUSTIFIED, HELD_FOR_REVIEW, RETURNED, REJECTED,
            JUSTIFIED_AFTER_SCAN_STARTED, JUSTIFIED_AFTER_SCAN_COMPLETED, JUSTIFIED_AFTER_SCAN_DISCONTINUED);
    /** What the scanner reports; where it moves nothing, it is still taken (the status stays). */
    private static final List<OrderEvent> SCANNER_REPORTS = List.of(SCAN_STARTED, SCAN_COMPLETED,
            SCAN_DISCONTINUED, RESULT_RECEIVED);

    private final Map<OrderStatus, Map<OrderEvent, Transition>> table = new EnumMap<>(OrderStatus.class);

    public OrderLifecycle() {
        // Not yet decided: the gate's turn.
        row(RECEIVED)
                .on(JUSTIFIED, SCHEDULED).on(HELD_FOR_REVIEW, AWAITING_JUSTIFICATION)
                .on(RETURNED, OrderStatus.RETURNED).on(REJECTED, OrderStatus.REJECTED)
                .on(JUSTIFIED_AFTER_SCAN_STARTED, IN_PROGRESS).on(JUSTIFIED_AFTER_SCAN_COMPLETED, COMPLETED)
                .on(JUSTIFIED_AFTER_SCAN_DISCONTINUED, DISCONTINUED)
                .on(CANCELLED_BY_RIS, CANCELLED).stays(CHANGED_BY_RIS, REFERRAL_CHANGED)
                .stays(APPOINTMENT_BOOKED, DID_NOT_ATTEND).on(APPOINTMENT_CANCELLED, CANCELLED)
                .stays(SCANNER_REPORTS);
        // Held for a practitioner.
        row(AWAITING_JUSTIFICATION)
                .on(JUSTIFIED, SCHEDULED).stays(HELD_FOR_REVIEW)
                .on(RETURNED, OrderStatus.RETURNED).on(REJECTED, OrderStatus.REJECTED)
                .on(JUSTIFIED_AFTER_SCAN_STARTED, IN_PROGRESS).on(JUSTIFIED_AFTER_SCAN_COMPLETED, COMPLETED)
                .on(JUSTIFIED_AFTER_SCAN_DISCONTINUED, DISCONTINUED)
                .on(CANCELLED_BY_RIS, CANCELLED).stays(CHANGED_BY_RIS).on(REFERRAL_CHANGED, RECEIVED)
                .stays(APPOINTMENT_BOOKED).on(DID_NOT_ATTEND, DNA).on(APPOINTMENT_CANCELLED, CANCELLED)
                .stays(SCANNER_REPORTS);
        // On the worklist. A practitioner may still take back an AUTO justification (return/reject).
        row(SCHEDULED)
                .stays(JUSTIFIED).on(HELD_FOR_REVIEW, AWAITING_JUSTIFICATION)
                .on(RETURNED, OrderStatus.RETURNED).on(REJECTED, OrderStatus.REJECTED)
                .on(JUSTIFIED_AFTER_SCAN_STARTED, IN_PROGRESS).on(JUSTIFIED_AFTER_SCAN_COMPLETED, COMPLETED)
                .on(JUSTIFIED_AFTER_SCAN_DISCONTINUED, DISCONTINUED)
                .on(CANCELLED_BY_RIS, CANCELLED).stays(CHANGED_BY_RIS).on(REFERRAL_CHANGED, RECEIVED)
                .stays(APPOINTMENT_BOOKED).on(DID_NOT_ATTEND, DNA).on(APPOINTMENT_CANCELLED, CANCELLED)
                .on(SCAN_STARTED, IN_PROGRESS).on(SCAN_COMPLETED, COMPLETED).on(SCAN_DISCONTINUED, DISCONTINUED)
                .on(RESULT_RECEIVED, COMPLETED)
                // a result the engine could not compute leaves the order here; its verified report closes it
                .on(FINAL_REPORT_DELIVERED, REPORTED);
        // Missed the appointment: off the worklist until booked again.
        row(DNA)
                .on(JUSTIFIED, SCHEDULED).on(HELD_FOR_REVIEW, AWAITING_JUSTIFICATION)
                .on(RETURNED, OrderStatus.RETURNED).on(REJECTED, OrderStatus.REJECTED)
                .on(JUSTIFIED_AFTER_SCAN_STARTED, IN_PROGRESS).on(JUSTIFIED_AFTER_SCAN_COMPLETED, COMPLETED)
                .on(JUSTIFIED_AFTER_SCAN_DISCONTINUED, DISCONTINUED)
                .on(CANCELLED_BY_RIS, CANCELLED).stays(CHANGED_BY_RIS, REFERRAL_CHANGED)
                .restores(APPOINTMENT_BOOKED, AWAITING_JUSTIFICATION).stays(DID_NOT_ATTEND)
                .on(APPOINTMENT_CANCELLED, CANCELLED)
                .stays(SCANNER_REPORTS);
        // Scanned: the scanner's word stands against the RIS's cancel, DNA or rebooking. A decision
        // made now (a practitioner answering an exposure incident) is recorded; the status stays.
        row(IN_PROGRESS)
                .stays(DECISIONS)
                .stays(CHANGED_BY_RIS, REFERRAL_CHANGED)
                .stays(SCAN_STARTED).on(SCAN_COMPLETED, COMPLETED).on(SCAN_DISCONTINUED, DISCONTINUED)
                .on(RESULT_RECEIVED, COMPLETED).on(FINAL_REPORT_DELIVERED, REPORTED);
        // Scanned and, on a result, reported: a verified report in PACS completes the pathway.
        row(COMPLETED)
                .stays(DECISIONS)
                .stays(CHANGED_BY_RIS, REFERRAL_CHANGED)
                .stays(SCANNER_REPORTS).on(FINAL_REPORT_DELIVERED, REPORTED);
        row(DISCONTINUED)
                .stays(DECISIONS)
                .on(CANCELLED_BY_RIS, CANCELLED).stays(CHANGED_BY_RIS, REFERRAL_CHANGED)
                .stays(SCANNER_REPORTS).on(FINAL_REPORT_DELIVERED, REPORTED);
        // Final: nothing moves them, and the RIS may no longer cancel, change or book them. An
        // amended report filed later leaves a REPORTED order as it is.
        row(REPORTED)
                .stays(DECISIONS)
                .stays(SCANNER_REPORTS).stays(FINAL_REPORT_DELIVERED);
        row(OrderStatus.RETURNED)
                .stays(DECISIONS)
                .on(CANCELLED_BY_RIS, CANCELLED).stays(CHANGED_BY_RIS, REFERRAL_CHANGED)
                .stays(DID_NOT_ATTEND, APPOINTMENT_CANCELLED)
                .stays(SCANNER_REPORTS);
        row(OrderStatus.REJECTED)
                .stays(DECISIONS)
                .stays(DID_NOT_ATTEND, APPOINTMENT_CANCELLED)
                .stays(SCANNER_REPORTS);
        row(CANCELLED)
                .stays(DECISIONS)
                .stays(CANCELLED_BY_RIS)
                .stays(DID_NOT_ATTEND, APPOINTMENT_CANCELLED)
                .stays(SCANNER_REPORTS);
    }

    /** What {@code event} does to an order in {@code status}; empty when it is refused. */
    public Optional<Transition> on(OrderStatus status, OrderEvent event) {
        return Optional.ofNullable(table.getOrDefault(status, Map.of()).get(event));
    }

    /** True when {@code event} is taken (moves the order or leaves it) in {@code status}. */
    public boolean allows(OrderStatus status, OrderEvent event) {
        return on(status, event).isPresent();
    }

    private Row row(OrderStatus status) {
        Map<OrderEvent, Transition> cells = new EnumMap<>(OrderEvent.class);
        table.put(status, cells);
        return new Row(cells);
    }

    /** Fills one row of the table while it is built; the table is never changed afterwards. */
    private static final class Row {
        private final Map<OrderEvent, Transition> cells;

        Row(Map<OrderEvent, Transition> cells) {
            this.cells = cells;
        }

        Row on(OrderEvent event, OrderStatus to) {
            return put(event, new To(to));
        }

        Row stays(OrderEvent... events) {
            return stays(List.of(events));
        }

        Row stays(List<OrderEvent> events) {
            for (OrderEvent e : events) {
                put(e, STAY);
            }
            return this;
        }

        Row restores(OrderEvent event, OrderStatus otherwise) {
            return put(event, new Restore(otherwise));
        }

        private Row put(OrderEvent event, Transition t) {
            if (cells.putIfAbsent(event, t) != null) {
                throw new IllegalStateException("two cells for " + event);
            }
            return this;
        }
    }
}
