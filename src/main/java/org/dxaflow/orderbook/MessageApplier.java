package org.dxaflow.orderbook;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.dxaflow.hl7.Er7Message;
import org.dxaflow.hl7.InboundMessageStore;
import org.dxaflow.hl7.MappedMessage;
import org.dxaflow.hl7.MergeMapper;
import org.dxaflow.hl7.MessageHeader;
import org.dxaflow.hl7.MessageReader;
import org.dxaflow.hl7.OrderMapper;
import org.dxaflow.order.Order;
import org.dxaflow.order.OrderRequest;
import org.dxaflow.order.OrderStatus;
import org.dxaflow.order.Patient;
import org.dxaflow.store.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies queued messages to the order book, one at a time and in arrival order (a cancel must
 * not overtake its order). Each message is applied in one database transaction together with its
 * record, so a crash either leaves no trace (and the queue redelivers) or the whole effect.
 * New orders are handed on for justification ({@link Outcome#ordersToJustify}); a status the
 * message changes (a cancel) goes through {@link StatusChanges} so the RIS hears of it.
 */
public final class MessageApplier {

    private static final Logger LOG = LoggerFactory.getLogger(MessageApplier.class);

    /**
     * Outcomes of a result message (ORU^R01): recorded, and to be handed to the results pipeline. A
     * redelivered result is handed on again; the pipeline stores each message once.
     */
    public static final String RESULT = "RESULT";
    public static final String RESULT_REDELIVERED = "RESULT_REDELIVERED";

    /** Where the message goes next (routes/order-processing.camel.yaml): nowhere, or to the results pipeline. */
    public enum Kind {
        ORDER_BOOK,
        RESULT
    }

    /** The message is valid HL7 but cannot be applied (e.g. cancels an order we never had). */
    static final class NotApplicable extends Exception {
        NotApplicable(String message) {
            super(message);
        }
    }

    /** The mappings in use; read once per message, so a reload never changes them mid-message. */
    private final Supplier<MessageReader> readers;
    private final Jdbc jdbc;
    private final InboundMessageStore messages;
    private final PatientStore patients;
    private final OrderStore orders;
    private final StatusChanges statuses;
    private final AppointmentBook appointments;
    private final Clock clock;

    /**
     * What processing one message did.
     *
     * @param outcome          PROCESSED, ERROR, DUPLICATE, or REDELIVERED when already applied; RESULT or
     *                         RESULT_REDELIVERED for a result message
     * @param ordersToJustify  ids of the orders the message created, or whose referral it changed
     */
    public record Outcome(String outcome, List<Long> ordersToJustify) {
        public Outcome {
            ordersToJustify = List.copyOf(ordersToJustify);
        }

        public Kind kind() {
            return outcome.equals(RESULT) || outcome.equals(RESULT_REDELIVERED) ? Kind.RESULT : Kind.ORDER_BOOK;
        }

        @Override
        public String toString() {
            return outcome;
        }
    }

    public MessageApplier(MessageReader reader, Jdbc jdbc, InboundMessageStore messages, PatientStore patients,
            OrderStore orders, StatusChanges statuses, AppointmentBook appointments, Clock clock) {
        this(() -> reader, jdbc, messages, patients, orders, statuses, appointments, clock);
    }

    /** @param readers the current mappings (they may be reloaded while the engine runs) */
    public MessageApplier(Supplier<MessageReader> readers, Jdbc jdbc, InboundMessageStore messages,
            PatientStore patients, OrderStore orders, StatusChanges statuses, AppointmentBook appointments,
            Clock clock) {
        this.readers = readers;
        this.jdbc = jdbc;
        this.messages = messages;
        this.patients = patients;
        this.orders = orders;
        this.statuses = statuses;
        this.appointments = appointments;
        this.clock = clock;
    }

    public Outcome process(String raw, String intakeId, long receivedAtMillis) {
        Er7Message message = Er7Message.parse(raw);
        MessageHeader header = MessageHeader.of(message);
        Instant receivedAt = Instant.ofEpochMilli(receivedAtMillis);
        Outcome outcome = jdbc.inTransaction(c -> {
            if (messages.isRecorded(c, intakeId)) {
                if (isResult(header)) {
                    return new Outcome(RESULT_REDELIVERED, List.of());
                }
                // Applied before a crash, but what followed (justification) may not have been queued:
                // hand the created orders on again; the gate ignores orders it has already decided.
                return new Outcome("REDELIVERED", orders.toJustifyAfter(c, intakeId));
            }
            Instant now = clock.instant();
            boolean resend = messages.wasApplied(c, header);
            long messageId = messages.recordQueued(c, intakeId, receivedAt, header, raw, now);
            if (resend) {
                messages.setOutcome(c, messageId, InboundMessageStore.Status.DUPLICATE,
                        "Resend of control id " + header.controlId() + "; already applied");
                return new Outcome(InboundMessageStore.Status.DUPLICATE.name(), List.of());
            }
            Savepoint beforeApply = c.setSavepoint();
            try {
                MappedMessage mapped = readers.get().read(message, header);
                List<Long> created = new ArrayList<>();
                apply(c, messageId, mapped, now, created);
                return new Outcome(mapped.isResult() ? RESULT : InboundMessageStore.Status.PROCESSED.name(), created);
            } catch (NotApplicable e) {
                c.rollback(beforeApply);
                messages.setOutcome(c, messageId, InboundMessageStore.Status.ERROR, e.getMessage());
                return new Outcome(InboundMessageStore.Status.ERROR.name() + ": " + e.getMessage(), List.of());
            }
        });
        LOG.info("Message {} ({} control id {}): {}", intakeId, header.typeAndTrigger(), header.controlId(), outcome);
        return outcome;
    }

    private void apply(Connection c, long messageId, MappedMessage m, Instant now, List<Long> created)
            throws SQLException, NotApplicable {
        if (m.isResult()) {
            return; // results never touch patients or orders here: the results pipeline matches them
        }
        if (m.isOrder()) {
            Patient patient = patients.upsert(c, m.patient(), now);
            for (OrderMapper.MappedOrder o : m.orders()) {
                applyOrder(c, messageId, patient, o.request(), m.header().version(), now).ifPresent(created::add);
            }
        } else if (m.isAppointment()) {
            try {
                AppointmentBook.Applied applied =
                        appointments.apply(c, messageId, m.header().triggerEvent(), m.appointment(), now);
                orders.link(c, applied.order().id(), messageId, applied.action(), now);
            } catch (AppointmentBook.NotApplicable e) {
                throw new NotApplicable(e.getMessage());
            }
        } else if (m.isMerge()) {
            merge(c, messageId, m, now);
        } else {
            Patient patient = patients.upsert(c, m.patient(), now);
            for (long orderId : orders.openOrderIds(c, patient.id())) {
                orders.link(c, orderId, messageId, "DEMOGRAPHICS_UPDATED", now);
            }
        }
    }

    /** Applies one order group; returns the id of the order when it created one. */
    private Optional<Long> applyOrder(Connection c, long messageId, Patient patient, OrderRequest r, String version,
            Instant now) throws SQLException, NotApplicable {
        Optional<Order> existing = orders.byPlacerNumber(c, r.placerOrderNumber());
        switch (r.control()) {
            case NW -> {
                if (existing.isPresent()) {
                    // A resent new order (e.g. the RIS lost our ACK) must never become a second order.
                    orders.link(c, existing.get().id(), messageId, "NEW_ORDER_RESENT", now);
                    LOG.info("Order {} already exists; NW not applied again", r.placerOrderNumber());
                } else {
                    Order created = orders.create(c, patient.id(), r, version, now);
                    orders.link(c, created.id(), messageId, "CREATED", now);
                    LOG.info("Order {} created, accession {}", created.placerOrderNumber(), created.accessionNumber());
                    return Optional.of(created.id());
                }
            }
            case CA, DC -> {
                Order order = require(existing, r);
                if (order.status() == OrderStatus.CANCELLED) {
                    orders.link(c, order.id(), messageId, "CANCEL_RESENT", now);
                    return Optional.empty();
                }
                if (!statuses.lifecycle().allows(order.status(), OrderEvent.CANCELLED_BY_RIS)) {
                    throw new NotApplicable("Order " + order.placerOrderNumber() + " is " + order.status()
                            + " and can no longer be cancelled");
                }
                // Takes a scheduled order off the worklist; the RIS is told like for any other change.
                statuses.apply(c, order, OrderEvent.CANCELLED_BY_RIS, StatusChange.Reason.NONE, now);
                orders.link(c, order.id(), messageId, "CANCELLED", now);
            }
            case XO -> {
                Order order = require(existing, r);
                if (!statuses.lifecycle().allows(order.status(), OrderEvent.CHANGED_BY_RIS)) {
                    throw new NotApplicable("Order " + order.placerOrderNumber() + " is " + order.status()
                            + " and can no longer be changed");
                }
                orders.change(c, order.id(), r, now);
                orders.link(c, order.id(), messageId, "CHANGED", now);
                Order changed = orders.get(c, order.id()).orElseThrow();
                // The status as it is now, not as first read: a decision may have been committed meanwhile
                // (the order was still RECEIVED when the XO was read), and that decision is on the old referral.
                if (!changed.sameReferralAs(order) && changed.status() != OrderStatus.RECEIVED
                        && statuses.apply(c, changed, OrderEvent.REFERRAL_CHANGED, new StatusChange.Reason(
                                "REFERRAL_CHANGED", "The referral was changed (order change XO): it is justified again"),
                                now) == OrderStatus.RECEIVED) {
                    // The decision was made on a referral that no longer exists: off the worklist (or the
                    // practitioner's queue) in this transaction, and to the gate again.
                    orders.link(c, order.id(), messageId, OrderStore.REFERRAL_CHANGED, now);
                    return Optional.of(order.id());
                }
            }
            case SC -> orders.link(c, require(existing, r).id(), messageId, "STATUS_FROM_RIS", now);
            default -> throw new NotApplicable("Order control " + r.control() + " is not handled");
        }
        return Optional.empty();
    }

    private void merge(Connection c, long messageId, MappedMessage m, Instant now)
            throws SQLException, NotApplicable {
        MergeMapper.PriorIdentifiers prior = m.prior();
        Optional<Patient> retired = patients.find(c, prior.mrn(), prior.nhsNumber());
        if (retired.isEmpty()) {
            throw new NotApplicable("No patient has the prior identifiers given in MRG-1");
        }
        Patient survivor = patients.upsert(c, m.patient(), now);
        if (survivor.id() == retired.get().id()) {
            return;
        }
        var moving = orders.openOrderIds(c, retired.get().id());
        patients.merge(c, retired.get().id(), survivor.id(), now);
        for (long orderId : moving) {
            orders.link(c, orderId, messageId, "PATIENT_MERGED", now);
        }
    }

    private boolean isResult(MessageHeader header) {
        try {
            return "result".equals(readers.get().supported().handlerFor(header));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Order require(Optional<Order> existing, OrderRequest r) throws NotApplicable {
        return existing.orElseThrow(() -> new NotApplicable(
                "No order with placer order number " + r.placerOrderNumber() + " for " + r.control()));
    }
}
