package org.dxaflow.orderbook;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.dxaflow.order.Order;
import org.dxaflow.order.OrderStatus;
import org.dxaflow.store.Jdbc;

/**
 * The one place an order's status changes: an {@link OrderEvent} is looked up in the
 * {@link OrderLifecycle} table and its transition recorded in the caller's transaction. Each change
 * is handed to the {@link Subscriber} in that same transaction, which is how the RIS outbox
 * ({@code ris/}) records the status message to send: nothing is lost between the database and the
 * queue, whatever crashes when.
 */
public final class StatusChanges {

    /** Told of every change, inside the transaction that records it. */
    @FunctionalInterface
    public interface Subscriber {
        void recorded(Connection c, StatusChange change) throws SQLException;
    }

    private final Jdbc jdbc;
    private final OrderLifecycle lifecycle;
    private final Subscriber subscriber;

    public StatusChanges(Jdbc jdbc, OrderLifecycle lifecycle, Subscriber subscriber) {
        this.jdbc = jdbc;
        this.lifecycle = lifecycle;
        this.subscriber = subscriber;
    }

    public OrderLifecycle lifecycle() {
        return lifecycle;
    }

    /**
     * Applies {@code event} to the order as it was read, and returns its status afterwards.
     *
     * @throws RefusedException when the lifecycle table has no cell for (status, event); callers
     *     that owe their peer a specific answer ask {@link OrderLifecycle#allows} first
     */
    public OrderStatus apply(Connection c, Order order, OrderEvent event, StatusChange.Reason reason, Instant now)
            throws SQLException {
        OrderLifecycle.Transition t = lifecycle.on(order.status(), event).orElseThrow(() -> new RefusedException(
                "Order " + order.accessionNumber() + " is " + order.status() + ": " + event + " is refused"));
        OrderStatus to;
        if (t instanceof OrderLifecycle.To move) {
            to = move.status();
        } else if (t instanceof OrderLifecycle.Restore restore) {
            to = statusBefore(c, order.id(), order.status()).orElse(restore.otherwise());
        } else {
            to = order.status();
        }
        change(c, order, to, reason, now);
        return to;
    }

    /**
     * Moves the order from the status it was read with to {@code to}. The update is conditional on
     * that status, so a change made meanwhile by another thread (a cancel from the RIS while the
     * gate evaluates) is never overwritten: this transaction fails instead and is retried.
     */
    private void change(Connection c, Order order, OrderStatus to, StatusChange.Reason reason, Instant now)
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
        String code = Jdbc.fit(reason.code(), 32);
        String text = Jdbc.fit(reason.text(), 2000);
        long id = Jdbc.insert(c, "INSERT INTO order_status_change (order_id, from_status, to_status, reason_code,"
                + " reason_text, changed_at) VALUES (?,?,?,?,?,?)", order.id(), order.status(), to, code, text, now);
        subscriber.recorded(c, new StatusChange(id, order.id(), order.status(), to, code, text, now));
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

    /** One row of order_status_change, for the stores that read it (the RIS outbox joins it). */
    public static StatusChange map(ResultSet rs) throws SQLException {
        String from = rs.getString("from_status");
        return new StatusChange(rs.getLong("id"), rs.getLong("order_id"), from == null ? null : OrderStatus.valueOf(from),
                OrderStatus.valueOf(rs.getString("to_status")), rs.getString("reason_code"),
                rs.getString("reason_text"), Jdbc.instant(rs, "changed_at"));
    }


    /** The lifecycle table refuses the event in the order's status. */
    public static final class RefusedException extends RuntimeException {
        public RefusedException(String message) {
            super(message);
        }
    }
}
