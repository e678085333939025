package org.dxaflow.report;

import org.dxaflow.store.Jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The delivery of each report version to each destination, and every attempt. A delivery row is
 * written in the transaction that makes its version, so no version is lost between the database
 * and the queues; the table, not the broker, is the record an engineer reads.
 */
public final class DeliveryStore {

    public static final String PENDING = "PENDING";
    public static final String QUEUED = "QUEUED";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";
    public static final String DEAD = "DEAD";
    public static final String SUPERSEDED = "SUPERSEDED";

    /** Statuses a delivery is still to be made in. */
    private static final List<String> OPEN = List.of(PENDING, QUEUED, FAILED, DEAD);

    public record Delivery(long id, long reportId, int version, Destination destination, String status, int attempts,
                           String controlId, String lastError, Instant createdAt, Instant updatedAt,
                           Instant deliveredAt) {
        public boolean isOpen() {
            return OPEN.contains(status);
        }
    }

    public record Attempt(long deliveryId, int attempt, String outcome, String error, Instant startedAt,
                          Instant finishedAt) {
    }

    private static final String COLUMNS = "id, report_id, version, destination, status, attempts, control_id,"
            + " last_error, created_at, updated_at, delivered_at";

    private final Jdbc jdbc;

    public DeliveryStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A new delivery of a version. Earlier versions of the same report not yet delivered to this
     * destination are SUPERSEDED, so they are never sent after this one (a final never overtaken by
     * its own preliminary).
     */
    public long create(Connection c, long reportId, int version, Destination destination, String controlId,
                       Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE delivery SET status = ?, updated_at = ? WHERE report_id = ? AND destination = ?"
                        + " AND version < ? AND status IN (?, ?, ?, ?)", SUPERSEDED, now, reportId, destination.name(),
                version, PENDING, QUEUED, FAILED, DEAD);
        return Jdbc.insert(c, "INSERT INTO delivery (report_id, version, destination, status, attempts, control_id,"
                        + " created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?, ?)", reportId, version,
                destination.name(), PENDING, controlId, now, now);
    }

    public List<Delivery> pending(int max) {
        return jdbc.query("SELECT " + COLUMNS + " FROM delivery WHERE status = ? ORDER BY id FETCH FIRST "
                + Math.max(1, max) + " ROWS ONLY", DeliveryStore::row, PENDING);
    }

    /** Only a PENDING delivery becomes QUEUED (the consumer may have taken it already). */
    public void markQueued(long id, Instant now) {
        jdbc.update("UPDATE delivery SET status = ?, updated_at = ? WHERE id = ? AND status = ?", QUEUED, now, id,
                PENDING);
    }

    public Optional<Delivery> get(long id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM delivery WHERE id = ?", DeliveryStore::row, id);
    }

    public Optional<Delivery> lock(Connection c, long id) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM delivery WHERE id = ? FOR UPDATE", DeliveryStore::row, id);
    }

    /** Records one attempt and moves the delivery to DELIVERED or FAILED (a superseded one stays so). */
    public void recordAttempt(Connection c, long id, int attempt, boolean delivered, String error, Instant started,
                              Instant finished) throws SQLException {
        String outcome = delivered ? DELIVERED : FAILED;
        Jdbc.update(c, "INSERT INTO delivery_attempt (delivery_id, attempt, outcome, error_text, started_at,"
                + " finished_at) VALUES (?, ?, ?, ?, ?, ?)", id, attempt, outcome, Jdbc.fit(error, 2000), started, finished);
        Jdbc.update(c, "UPDATE delivery SET status = CASE WHEN status = ? THEN status ELSE ? END, attempts = ?,"
                        + " last_error = ?, updated_at = ?, delivered_at = ? WHERE id = ?", SUPERSEDED, outcome, attempt,
                delivered ? null : Jdbc.fit(error, 2000), finished, delivered ? finished : null, id);
    }

    /** Retries exhausted: the delivery waits for a person (POST /api/deliveries/{id}/resend). */
    public void markDead(long id, String error, Instant now) {
        jdbc.update("UPDATE delivery SET status = ?, last_error = COALESCE(?, last_error), updated_at = ?"
                + " WHERE id = ? AND status IN (?, ?, ?)", DEAD, Jdbc.fit(error, 2000), now, id, PENDING, QUEUED, FAILED);
    }

    /** Queues a DEAD or FAILED delivery again; false when it is in any other status. */
    public boolean resend(long id, Instant now) {
        return jdbc.update("UPDATE delivery SET status = ?, updated_at = ? WHERE id = ? AND status IN (?, ?)",
                PENDING, now, id, DEAD, FAILED) == 1;
    }

    public List<Delivery> find(String status, int limit) {
        String where = status == null ? "" : " WHERE status = ?";
        Object[] params = status == null ? new Object[0] : new Object[] {status};
        return jdbc.query("SELECT " + COLUMNS + " FROM delivery" + where + " ORDER BY id DESC FETCH FIRST "
                + Math.max(1, limit) + " ROWS ONLY", DeliveryStore::row, params);
    }

    public List<Delivery> forReport(long reportId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM delivery WHERE report_id = ? ORDER BY version, id",
                DeliveryStore::row, reportId);
    }

    public List<Attempt> attempts(long deliveryId) {
        return jdbc.query("SELECT delivery_id, attempt, outcome, error_text, started_at, finished_at"
                + " FROM delivery_attempt WHERE delivery_id = ? ORDER BY attempt", rs -> new Attempt(
                rs.getLong("delivery_id"), rs.getInt("attempt"), rs.getString("outcome"), rs.getString("error_text"),
                Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at")), deliveryId);
    }

    private static Delivery row(ResultSet rs) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getLong("report_id"), rs.getInt("version"),
                Destination.valueOf(rs.getString("destination")), rs.getString("status"), rs.getInt("attempts"),
                rs.getString("control_id"), rs.getString("last_error"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "updated_at"), Jdbc.instant(rs, "delivered_at"));
    }
}
