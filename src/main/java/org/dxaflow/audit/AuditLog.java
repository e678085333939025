package org.dxaflow.audit;

import org.dxaflow.store.Jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only audit trail (table {@code audit_event}): the engine inserts and reads, never
 * updates or deletes. Each event is also handed to the forwarder (syslog), when one is configured.
 */
public final class AuditLog {

    /** A filter for {@link #find}; nulls match anything. {@code patient} is an MRN or NHS number. */
    public record Query(Instant from, Instant to, String username, String patient, int limit) {
    }

    /** Where events go besides the table (the syslog forwarder); a no-op when none is configured. */
    public interface Forwarder {
        void forward(AuditEvent event);
    }

    private final Jdbc jdbc;
    private final Forwarder forwarder;

    public AuditLog(Jdbc jdbc, Forwarder forwarder) {
        this.jdbc = jdbc;
        this.forwarder = forwarder;
    }

    public void record(AuditEvent e) {
        jdbc.update("INSERT INTO audit_event (at, username, roles, address, action, resource_type, resource_id,"
                        + " patient_id, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.at(), Jdbc.fit(e.username(), 64), Jdbc.fit(e.roles(), 100), Jdbc.fit(e.address(), 100),
                Jdbc.fit(e.action(), 64), Jdbc.fit(e.resourceType(), 32), Jdbc.fit(e.resourceId(), 64), e.patientId(),
                e.outcome(), Jdbc.fit(e.detail(), 1000));
        forwarder.forward(e);
    }

    public List<AuditEvent> find(Query q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q.from() != null) {
            where.append(" AND at >= ?");
            params.add(q.from());
        }
        if (q.to() != null) {
            where.append(" AND at < ?");
            params.add(q.to());
        }
        if (q.username() != null) {
            where.append(" AND username = ?");
            params.add(q.username());
        }
        if (q.patient() != null) {
            where.append(" AND patient_id IN (SELECT id FROM patient WHERE mrn = ? OR nhs_number = ?)");
            params.add(q.patient());
            params.add(q.patient());
        }
        return jdbc.query("SELECT * FROM audit_event" + where + " ORDER BY id DESC FETCH FIRST "
                + Math.max(1, q.limit()) + " ROWS ONLY", AuditLog::row, params.toArray());
    }

    private static AuditEvent row(ResultSet rs) throws SQLException {
        return new AuditEvent(Jdbc.instant(rs, "at"), rs.getString("username"), rs.getString("roles"),
                rs.getString("address"), rs.getString("action"), rs.getString("resource_type"),
                rs.getString("resource_id"), Jdbc.nullableLong(rs, "patient_id"), rs.getString("outcome"),
                rs.getString("detail"));
    }
}
