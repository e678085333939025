package org.dxaflow.hl7;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.dxaflow.store.Jdbc;

/** Every HL7 message received, accepted or not, with what became of it. */
public final class InboundMessageStore {

    /** What became of a message. */
    public enum Status {
        /** Applied to the order book. */
        PROCESSED,
        /** Answered AE/AR at the listener; never queued. */
        REJECTED,
        /** Queued, but could not be applied (e.g. a cancel for an unknown order); see the error. */
        ERROR,
        /** A resend of a message already processed: acknowledged again, not applied again. */
        DUPLICATE
    }

    /** One row, as the console and the order history show it. */
    public record StoredMessage(long id, String intakeId, String controlId, String sendingApplication,
            String sendingFacility, String messageType, String triggerEvent, String version, Instant receivedAt,
            Instant processedAt, String status, String ackCode, String error, String raw) {
    }

    private static final String COLUMNS = "id, intake_id, control_id, sending_application, sending_facility, "
            + "message_type, trigger_event, hl7_version, received_at, processed_at, status, ack_code, error_text, raw";

    private final Jdbc jdbc;

    public InboundMessageStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public long recordRejected(IntakeDecision d) {
        MessageHeader h = d.header();
        return jdbc.insert("INSERT INTO inbound_message (intake_id, control_id, sending_application, sending_facility,"
                        + " message_type, trigger_event, hl7_version, received_at, processed_at, status, ack_code,"
                        + " error_text, raw) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                d.intakeId(), h == null ? null : Jdbc.fit(h.controlId(), 64),
                h == null ? null : Jdbc.fit(h.sendingApplication(), 180), h == null ? null : Jdbc.fit(h.sendingFacility(), 180),
                h == null ? null : Jdbc.fit(h.messageType(), 8), h == null ? null : Jdbc.fit(h.triggerEvent(), 8),
                h == null ? null : Jdbc.fit(h.version(), 16), d.receivedAt(), d.receivedAt(), Status.REJECTED,
                d.error() == null ? null : d.error().ackCode(),
                d.error() == null ? null : Jdbc.fit(d.error().code() + " " + d.error().location() + ": "
                        + d.error().userMessage(), 2000),
                d.raw() == null ? "" : d.raw());
    }

    /** Records a queued message as it is taken off the queue; returns its id. */
    public long recordQueued(Connection c, String intakeId, Instant receivedAt, MessageHeader h, String raw,
            Instant now) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO inbound_message (intake_id, control_id, sending_application,"
                        + " sending_facility, message_type, trigger_event, hl7_version, received_at, processed_at,"
                        + " status, ack_code, raw) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                intakeId, Jdbc.fit(h.controlId(), 64), Jdbc.fit(h.sendingApplication(), 180), Jdbc.fit(h.sendingFacility(), 180),
                Jdbc.fit(h.messageType(), 8), Jdbc.fit(h.triggerEvent(), 8), Jdbc.fit(h.version(), 16), receivedAt, now,
                Status.PROCESSED, "AA", raw);
    }

    /** True when the queue delivers again a message already recorded (a redelivery after a crash). */
    public boolean isRecorded(Connection c, String intakeId) throws SQLException {
        return Jdbc.queryOne(c, "SELECT id FROM inbound_message WHERE intake_id = ?", rs -> rs.getLong(1), intakeId)
                .isPresent();
    }

    /** True when a message with this control ID from this sender was already applied (HL7 resend). */
    public boolean wasApplied(Connection c, MessageHeader h) throws SQLException {
        return Jdbc.queryOne(c, "SELECT id FROM inbound_message WHERE sending_application = ? AND sending_facility = ?"
                        + " AND control_id = ? AND status IN ('PROCESSED', 'ERROR')",
                rs -> rs.getLong(1), Jdbc.fit(h.sendingApplication(), 180), Jdbc.fit(h.sendingFacility(), 180),
                Jdbc.fit(h.controlId(), 64)).isPresent();
    }

    public void setOutcome(Connection c, long id, Status status, String error) throws SQLException {
        Jdbc.update(c, "UPDATE inbound_message SET status = ?, error_text = ? WHERE id = ?", status,
                error == null ? null : Jdbc.fit(error, 2000), id);
    }

    /**
     * Newest first, without the message text (a list must not carry megabytes of patient data; the
     * text comes from {@link #byId}). {@code beforeId} pages back: only messages with a smaller id.
     */
    public List<StoredMessage> recent(String status, Long beforeId, int limit) {
        List<String> conditions = new java.util.ArrayList<>();
        List<Object> params = new java.util.ArrayList<>();
        if (status != null && !status.isBlank()) {
            conditions.add("status = ?");
            params.add(status);
        }
        if (beforeId != null) {
            conditions.add("id < ?");
            params.add(beforeId);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return jdbc.query("SELECT " + COLUMNS.replace(", raw", ", NULL AS raw") + " FROM inbound_message" + where
                + " ORDER BY id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", this::row, params.toArray());
    }

    /** One message with its text. */
    public java.util.Optional<StoredMessage> byId(long id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM inbound_message WHERE id = ?", this::row, id);
    }

    /** The messages that touched an order, oldest first, with what each did to it. */
    public List<OrderMessage> forOrder(long orderId) {
        return jdbc.query("SELECT m." + COLUMNS.replace(", ", ", m.") + ", om.action FROM order_message om"
                + " JOIN inbound_message m ON m.id = om.message_id WHERE om.order_id = ? ORDER BY m.id, om.action",
                rs -> new OrderMessage(row(rs), rs.getString("action")), orderId);
    }

    /** A message in an order's history. */
    public record OrderMessage(StoredMessage message, String action) {
    }

    private StoredMessage row(java.sql.ResultSet rs) throws SQLException {
        return new StoredMessage(rs.getLong("id"), rs.getString("intake_id"), rs.getString("control_id"),
                rs.getString("sending_application"), rs.getString("sending_facility"), rs.getString("message_type"),
                rs.getString("trigger_event"), rs.getString("hl7_version"), Jdbc.instant(rs, "received_at"),
                Jdbc.instant(rs, "processed_at"), rs.getString("status"), rs.getString("ack_code"),
                rs.getString("error_text"), rs.getString("raw"));
    }

}
