package org.dxaflow.ris;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dxaflow.orderbook.StatusChange;
import org.dxaflow.orderbook.StatusChanges;
import org.dxaflow.store.Jdbc;

/**
 * The RIS outbox: for each recorded status change, whether its status message is still to send
 * (PENDING), on the durable outbound queue (QUEUED), answered AA by the RIS (DELIVERED), or was never
 * to be sent because RIS messaging was off (DISABLED). A row is written in the status change's own
 * transaction ({@link #recorded}).
 */
public final class RisOutboxStore implements StatusChanges.Subscriber {

    public static final String PENDING = "PENDING";
    public static final String QUEUED = "QUEUED";
    public static final String DELIVERED = "DELIVERED";
    public static final String DISABLED = "DISABLED";

    private final Jdbc jdbc;
    private final boolean risEnabled;

    public RisOutboxStore(Jdbc jdbc, boolean risEnabled) {
        this.jdbc = jdbc;
        this.risEnabled = risEnabled;
    }

    @Override
    public void recorded(Connection c, StatusChange change) throws SQLException {
        Jdbc.update(c, "INSERT INTO ris_outbox (status_change_id, state) VALUES (?, ?)", change.id(),
                risEnabled ? PENDING : DISABLED);
    }

    /** Changes whose status message is not on the outbound queue yet, oldest first. */
    public List<StatusChange> pending(int max) {
        return jdbc.query("SELECT c.* FROM order_status_change c JOIN ris_outbox o ON o.status_change_id = c.id"
                + " WHERE o.state = ? ORDER BY c.id FETCH FIRST " + Math.max(1, max) + " ROWS ONLY",
                StatusChanges::map, PENDING);
    }

    /**
     * Only a PENDING change becomes QUEUED: the consumer can deliver the message (and mark it
     * DELIVERED) before the outbox gets to mark it queued, and that must not undo the delivery.
     */
    public void markQueued(long changeId, Instant now) {
        jdbc.update("UPDATE ris_outbox SET state = ?, queued_at = ? WHERE status_change_id = ? AND state = ?",
                QUEUED, now, changeId, PENDING);
    }

    /** The RIS answered AA. */
    public void markDelivered(long changeId, Instant now) {
        jdbc.update("UPDATE ris_outbox SET state = ?, delivered_at = ? WHERE status_change_id = ?", DELIVERED, now,
                changeId);
    }

    /** The outbox state of each change, for order histories. */
    public Map<Long, String> states(Collection<Long> changeIds) {
        Map<Long, String> out = new HashMap<>();
        for (long id : changeIds) {
            jdbc.queryOne("SELECT state FROM ris_outbox WHERE status_change_id = ?", rs -> rs.getString(1), id)
                    .ifPresent(s -> out.put(id, s));
        }
        return out;
    }
}
