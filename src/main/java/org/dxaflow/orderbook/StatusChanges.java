package org.dxaflow.orderbook;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.dxaflow.order.Order;
import org.dxaflow.order.OrderStatus;
import org.dxaflow.pathway.StatusConflictException;
import org.dxaflow.store.Jdbc;

/**
 * The one place an order's status changes. Each change is recorded in the caller's transaction
 * together with the change itself, which also makes it the outbox of the status message to the
 * RIS: nothing is lost between the database and the queue, whatever crashes when.
 */
public final class StatusChanges {

    public static final String RIS_PENDING = "PENDING";
    public static final String RIS_QUEUED = "QUEUED";
    public static final String RIS_DELIVERED = "DELIVERED";
    public static final String RIS_DISABLED = "DISABLED";

    private final Jdbc jdbc;
    private final boolean risEnabled;

    public StatusChanges(Jdbc jdbc, boolean risEnabled) {
        this.jdbc = jdbc;
        this.risEnabled = risEnabled;
    }

    /**
     * Moves the order from the status it was read with to {@code to}. The update is conditional on
     * that status, so a change made meanwhile by another thread (a cancel from the RIS while the
     * gate evaluates) is never overwritten: this transaction fails instead and is retried.
     */
    public void change(Connection c, Order order, OrderStatus to, StatusChange.Reason reason, Instant now)
            throws SQLException {
        if (order.status() == to) {
            return;
        }
        int updated = Jdbc.update(c, "UPDATE dxa_order SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
                to, now, order.id(), order.status());
        if (updated != 1) {
            throw new StatusConflictException("Order " + order.accessionNumber() + " changed status concurrently (was "
                    + order.status() + "); not moved to " + to);
        }
        Jdbc.update(c, "INSERT INTO order_status_change (order_id, from_status, to_status, reason_code, reason_text,"
                        + " changed_at, ris_state) VALUES (?,?,?,?,?,?,?)",
                order.id(), order.status(), to, Jdbc.fit(reason.code(), 32), Jdbc.fit(reason.text(), 2000), now,
                risEnabled ? RIS_PENDING : RIS_DISABLED);
    }

    /** The status the order had before it last moved to {@code to}, if it ever did. */
    public java.util.Optional<OrderStatus> statusBefore(Connection c, long orderId, OrderStatus to) throws SQLException {
        return Jdbc.queryOne(c, "SELECT from_status FROM order_status_change WHERE order_id = ? AND to_status = ?"
                + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", rs -> java.util.Optional.ofNullable(rs.getString(1)),
                orderId, to).flatMap(from -> from.map(OrderStatus::valueOf));
    }

    public List<StatusChange> history(long orderId) {
        return jdbc.query("SELECT * FROM order_status_change WHERE order_id = ? ORDER BY id", StatusChanges::map,
                orderId);
    }

    /** Changes whose status message is not on the outbound queue yet, oldest first. */
    public List<StatusChange> pendingForRis(int max) {
        return jdbc.query("SELECT * FROM order_status_change WHERE ris_state = ? ORDER BY id FETCH FIRST "
                + Math.max(1, max) + " ROWS ONLY", StatusChanges::map, RIS_PENDING);
    }

    /**
     * Only a PENDING change becomes QUEUED: the consumer can deliver the message (and mark it
     * DELIVERED) before the outbox gets to mark it queued, and that must not undo the delivery.
     */
    public void markQueued(long changeId, Instant now) {
        jdbc.update("UPDATE order_status_change SET ris_state = ?, ris_queued_at = ? WHERE id = ? AND ris_state = ?",
                RIS_QUEUED, now, changeId, RIS_PENDING);
    }

    /** The RIS answered AA. */
    public void markDelivered(long changeId, Instant now) {
        jdbc.update("UPDATE order_status_change SET ris_state = ?, ris_delivered_at = ? WHERE id = ?", RIS_DELIVERED,
                now, changeId);
    }

    private static StatusChange map(ResultSet rs) throws SQLException {
        String from = rs.getString("from_status");
        return new StatusChange(rs.getLong("id"), rs.getLong("order_id"), from == null ? null : OrderStatus.valueOf(from),
                OrderStatus.valueOf(rs.getString("to_status")), rs.getString("reason_code"),
                rs.getString("reason_text"), Jdbc.instant(rs, "changed_at"), rs.getString("ris_state"));
    }

}
