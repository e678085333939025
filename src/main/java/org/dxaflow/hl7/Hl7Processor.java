package org.dxaflow.hl7;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.dxaflow.order.Order;
import org.dxaflow.order.OrderRequest;
import org.dxaflow.order.OrderStatus;
import org.dxaflow.order.Patient;
import org.dxaflow.store.InboundMessageStore;
import org.dxaflow.store.Jdbc;
import org.dxaflow.store.OrderStore;
import org.dxaflow.store.PatientStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies queued messages to the order book, one at a time and in arrival order (a cancel must
 * not overtake its order). Each message is applied in one database transaction together with its
 * record, so a crash either leaves no trace (and the queue redelivers) or the whole effect.
 */
public final class Hl7Processor {

    private static final Logger LOG = LoggerFactory.getLogger(Hl7Processor.class);

    /**
     * Outcomes of a result message (ORU^R01): recorded, and to be handed to the results pipeline
     * (routes/order-processing.camel.yaml forwards outcomes starting with RESULT). A redelivered
     * result is handed on again; the pipeline stores each message once.
     */
    public static final String RESULT = "RESULT";
    public static final String RESULT_REDELIVERED = "RESULT_REDELIVERED";

    /** The message is valid HL7 but cannot be applied (e.g. cancels an order we never had). */
    static final class NotApplicable extends Exception {
        NotApplicable(String message) {
            super(message);
        }
    }

    private final MessageReader reader;
    private final Jdbc jdbc;
    private final InboundMessageStore messages;
    private final PatientStore patients;
    private final OrderStore orders;
    private final Clock clock;

    public Hl7Processor(MessageReader reader, Jdbc jdbc, InboundMessageStore messages, PatientStore patients,
            OrderStore orders, Clock clock) {
        this.reader = reader;
        this.jdbc = jdbc;
        this.messages = messages;
        this.patients = patients;
        this.orders = orders;
        this.clock = clock;
    }

    /** Returns the outcome (PROCESSED, ERROR, DUPLICATE, or REDELIVERED when already applied). */
    public String process(String raw, String intakeId, long receivedAtMillis) {
        Er7Message message = Er7Message.parse(raw);
        MessageHeader header = MessageHeader.of(message);
        Instant receivedAt = Instant.ofEpochMilli(receivedAtMillis);
        String outcome = jdbc.inTransaction(c -> {
            if (messages.isRecorded(c, intakeId)) {
                return isResult(header) ? RESULT_REDELIVERED : "REDELIVERED";
            }
            Instant now = clock.instant();
            boolean resend = messages.wasApplied(c, header);
            long messageId = messages.recordQueued(c, intakeId, receivedAt, header, raw, now);
            if (resend) {
                messages.setOutcome(c, messageId, InboundMessageStore.Status.DUPLICATE,
                        "Resend of control id " + header.controlId() + "; already applied");
                return InboundMessageStore.Status.DUPLICATE.name();
            }
            Savepoint beforeApply = c.setSavepoint();
            try {
                MappedMessage mapped = reader.read(message, header);
                apply(c, messageId, mapped, now);
                return mapped.isResult() ? RESULT : InboundMessageStore.Status.PROCESSED.name();
            } catch (NotApplicable e) {
                c.rollback(beforeApply);
                messages.setOutcome(c, messageId, InboundMessageStore.Status.ERROR, e.getMessage());
                return InboundMessageStore.Status.ERROR.name() + ": " + e.getMessage();
            }
        });
        LOG.info("Message {} ({} control id {}): {}", intakeId, header.typeAndTrigger(), header.controlId(), outcome);
        return outcome;
    }

    private void apply(Connection c, long messageId, MappedMessage m, Instant now)
            throws SQLException, NotApplicable {
        if (m.isResult()) {
            return; // results never touch patients or orders here: the results pipeline matches them
        }
        if (m.isOrder()) {
            Patient patient = patients.upsert(c, m.patient(), now);
            for (OrderMapper.MappedOrder o : m.orders()) {
                applyOrder(c, messageId, patient, o.request(), m.header().version(), now);
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

    private void applyOrder(Connection c, long messageId, Patient patient, OrderRequest r, String version,
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
                }
            }
            case CA, DC -> {
                Order order = require(existing, r);
                if (order.status() == OrderStatus.CANCELLED) {
                    orders.link(c, order.id(), messageId, "CANCEL_RESENT", now);
                    return;
                }
                if (order.status().isFinal() || order.status() == OrderStatus.COMPLETED
                        || order.status() == OrderStatus.IN_PROGRESS) {
                    throw new NotApplicable("Order " + order.placerOrderNumber() + " is " + order.status()
                            + " and can no longer be cancelled");
                }
                orders.setStatus(c, order.id(), OrderStatus.CANCELLED, now);
                orders.link(c, order.id(), messageId, "CANCELLED", now);
            }
            case XO -> {
                Order order = require(existing, r);
                if (order.status().isFinal()) {
                    throw new NotApplicable("Order " + order.placerOrderNumber() + " is " + order.status()
                            + " and can no longer be changed");
                }
                orders.change(c, order.id(), r, now);
                orders.link(c, order.id(), messageId, "CHANGED", now);
            }
            case SC -> orders.link(c, require(existing, r).id(), messageId, "STATUS_FROM_RIS", now);
            default -> throw new NotApplicable("Order control " + r.control() + " is not handled");
        }
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
            return "result".equals(reader.supported().handlerFor(header));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Order require(Optional<Order> existing, OrderRequest r) throws NotApplicable {
        return existing.orElseThrow(() -> new NotApplicable(
                "No order with placer order number " + r.placerOrderNumber() + " for " + r.control()));
    }
}
