package org.dxaflow.orderbook;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import org.dxaflow.order.AppointmentRequest;
import org.dxaflow.order.Order;
import org.dxaflow.pathway.Appointment;
import org.dxaflow.pathway.OrderSchedule;
import org.dxaflow.pathway.SchedulePolicy;
import org.dxaflow.pathway.ScheduleStore;
import org.dxaflow.pathway.ScheduledStep;

/**
 * Applies the RIS's appointment messages (SIU) to an order: S12 book, S13 move, S14 change,
 * S15 cancel, S26 did not attend. The worklist step follows a booked appointment. A cancelled
 * appointment cancels the order, a missed one moves it to DNA: either way it leaves the worklist
 * (and the practitioner's queue) and the RIS is told, rather than staying SCHEDULED on a default
 * date nobody booked. A DNA order booked again returns to the status it had.
 */
public final class AppointmentBook {

    /** What an SIU trigger does to the appointment. */
    public enum Event {
        BOOKED("S12"), RESCHEDULED("S13"), MODIFIED("S14"), CANCELLED("S15"), DID_NOT_ATTEND("S26");

        private final String trigger;

        Event(String trigger) {
            this.trigger = trigger;
        }

        public static Optional<Event> forTrigger(String trigger) {
            for (Event e : values()) {
                if (e.trigger.equals(trigger)) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }

        public boolean books() {
            return this == BOOKED || this == RESCHEDULED || this == MODIFIED;
        }
    }

    /** Valid HL7, but it cannot be applied (unknown order, booking a cancelled order...). */
    public static final class NotApplicable extends Exception {
        public NotApplicable(String message) {
            super(message);
        }
    }

    /** What was done, for the order's message history. */
    public record Applied(Order order, Event event) {
        public String action() {
            return "APPOINTMENT_" + event.name();
        }
    }

    private final OrderStore orders;
    private final ScheduleStore schedules;
    private final StatusChanges statuses;

    public AppointmentBook(OrderStore orders, ScheduleStore schedules, StatusChanges statuses) {
        this.orders = orders;
        this.schedules = schedules;
        this.statuses = statuses;
    }

    public Applied apply(Connection c, long messageId, String trigger, AppointmentRequest r, Instant now)
            throws SQLException, NotApplicable {
        Event event = Event.forTrigger(trigger)
                .orElseThrow(() -> new NotApplicable("SIU^" + trigger + " is not an appointment event dxaflow applies"));
        Order order = find(c, r).orElseThrow(() -> new NotApplicable("No order with "
                + (r.placerOrderNumber().isEmpty() ? "filler order number " + r.fillerOrderNumber()
                        : "placer order number " + r.placerOrderNumber()) + " for SIU^" + trigger));
        OrderSchedule schedule = schedules.ensure(c, order, now);
        Appointment previous = schedule.appointment();
        String id = r.appointmentId().isEmpty() && previous != null ? previous.id() : r.appointmentId();
        Appointment next;
        OrderEvent change = event.books() ? OrderEvent.APPOINTMENT_BOOKED
                : event == Event.CANCELLED ? OrderEvent.APPOINTMENT_CANCELLED : OrderEvent.DID_NOT_ATTEND;
        if (event.books()) {
            if (!statuses.lifecycle().allows(order.status(), change)) {
                throw new NotApplicable("Order " + order.placerOrderNumber() + " is " + order.status()
                        + "; SIU^" + trigger + " not applied");
            }
            Optional<ScheduledStep> step = SchedulePolicy.appointmentStep(r.start());
            if (step.isEmpty()) {
                throw new NotApplicable("SIU^" + trigger + " for order " + order.placerOrderNumber()
                        + " has no readable appointment start");
            }
            next = new Appointment(id, Appointment.Status.BOOKED, r.start().dateTime().orElseThrow(), now);
            schedules.setAppointment(c, order.id(), next, now);
            schedules.setStep(c, order.id(), step.get(), now);
            // a DNA order goes back to the status it had (the lifecycle table: to a practitioner if unknown)
            statuses.apply(c, order, change, new StatusChange.Reason("APPOINTMENT_BOOKED",
                    "Booked again after a missed appointment (SIU^" + trigger + ")"), now);
        } else {
            if (!statuses.lifecycle().allows(order.status(), change)) {
                throw new NotApplicable("Order " + order.placerOrderNumber() + " is " + order.status()
                        + ": the patient was scanned; SIU^" + trigger + " not applied");
            }
            LocalDateTime start = r.start().dateTime().orElse(previous == null ? null : previous.start());
            Appointment.Status status = event == Event.CANCELLED ? Appointment.Status.CANCELLED
                    : Appointment.Status.DID_NOT_ATTEND;
            next = new Appointment(id, status, start, previous == null ? null : previous.bookedAt());
            schedules.setAppointment(c, order.id(), next, now);
            if (event == Event.DID_NOT_ATTEND) {
                schedules.countDidNotAttend(c, order.id(), now);
                statuses.apply(c, order, change, new StatusChange.Reason("DID_NOT_ATTEND",
                        "The patient did not attend the appointment" + (start == null ? "" : " of " + start)
                                + " (SIU^" + trigger + "); off the worklist until booked again"), now);
            } else {
                statuses.apply(c, order, change, new StatusChange.Reason("APPOINTMENT_CANCELLED",
                        "The appointment was cancelled by the RIS (SIU^" + trigger + ")"), now);
            }
        }
        schedules.recordEvent(c, order.id(), messageId, event.name(), next, r.fillerStatus(), now);
        return new Applied(order, event);
    }

    private Optional<Order> find(Connection c, AppointmentRequest r) throws SQLException {
        if (!r.placerOrderNumber().isEmpty()) {
            Optional<Order> byPlacer = orders.byPlacerNumber(c, r.placerOrderNumber());
            if (byPlacer.isPresent() || r.fillerOrderNumber().isEmpty()) {
                return byPlacer;
            }
        }
        return orders.byFillerOrAccession(c, r.fillerOrderNumber());
    }
}
