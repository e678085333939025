package org.dxaflow.gate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dxaflow.justification.DecidedBy;
import org.dxaflow.justification.Outcome;
import org.dxaflow.order.OrderStatus;
import org.dxaflow.store.Jdbc;

/**
 * The IRMER record of exposures without justification ({@code exposure_incident}). Rows are only
 * inserted, and marked addressed once; nothing here deletes or rewrites what was found.
 */
public final class ExposureIncidents {

    private static final String SELECT = "SELECT i.*, o.accession_number, d.decided_by_name AS addressed_by"
            + " FROM exposure_incident i JOIN dxa_order o ON o.id = i.order_id"
            + " LEFT JOIN justification_decision d ON d.id = i.addressed_by_decision_id";

    private final Jdbc jdbc;

    public ExposureIncidents(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records one piece of evidence of an unjustified exposure; returns the incident's id. */
    public long record(Connection c, long orderId, ExposureIncident.Evidence evidence, Long resultId, String mppsUid,
            Instant exposedAt, OrderStatus orderStatus, ExposureIncident.DecisionState decision, Instant now)
            throws SQLException {
        return Jdbc.insert(c, "INSERT INTO exposure_incident (order_id, evidence, result_id, mpps_sop_instance_uid,"
                        + " exposed_at, order_status, decision_id, decision_outcome, decision_mode, decision_at,"
                        + " detected_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                orderId, evidence, resultId, mppsUid, exposedAt, orderStatus, decision.decisionId(), decision.outcome(),
                decision.mode(), decision.decidedAt(), now);
    }

    /** Whether this result is already recorded against this order (a result filed again is one exposure). */
    public boolean exists(Connection c, long orderId, long resultId) throws SQLException {
        return Jdbc.queryOne(c, "SELECT 1 FROM exposure_incident WHERE order_id = ? AND result_id = ?", rs -> true,
                orderId, resultId).isPresent();
    }

    public boolean exists(Connection c, String mppsSopInstanceUid) throws SQLException {
        return Jdbc.queryOne(c, "SELECT 1 FROM exposure_incident WHERE mpps_sop_instance_uid = ?", rs -> true,
                mppsSopInstanceUid).isPresent();
    }

    public List<ExposureIncident> forOrder(Connection c, long orderId) throws SQLException {
        return Jdbc.query(c, SELECT + " WHERE i.order_id = ? ORDER BY i.id", ExposureIncidents::map, orderId);
    }

    /**
     * The first practitioner decision after the exposures answers every open incident of the order.
     * Conditional on still being open, so an answer is never replaced.
     */
    public void address(Connection c, long orderId, long decisionId, Outcome outcome, Instant at) throws SQLException {
        Jdbc.update(c, "UPDATE exposure_incident SET addressed_by_decision_id = ?, addressed_outcome = ?,"
                + " addressed_at = ? WHERE order_id = ? AND addressed_by_decision_id IS NULL", decisionId, outcome, at,
                orderId);
    }

    /**
     * Where the exposure left the order: a result means the scan was done; else the scanner's last
     * procedure step says whether it is under way, done or stopped.
     */
    public OrderStatus statusAfterExposure(Connection c, long orderId) throws SQLException {
        if (Jdbc.queryOne(c, "SELECT 1 FROM dxa_result WHERE order_id = ?", rs -> true, orderId).isPresent()) {
            return OrderStatus.COMPLETED;
        }
        Optional<String> step = Jdbc.queryOne(c, "SELECT status FROM performed_procedure_step WHERE order_id = ?"
                + " ORDER BY updated_at DESC FETCH FIRST 1 ROWS ONLY", rs -> rs.getString(1), orderId);
        return switch (step.orElse("IN PROGRESS")) {
            case "COMPLETED" -> OrderStatus.COMPLETED;
            case "DISCONTINUED" -> OrderStatus.DISCONTINUED;
            default -> OrderStatus.IN_PROGRESS;
        };
    }

    /** Incidents newest first; {@code openOnly}: those no practitioner decision has answered yet. */
    public List<ExposureIncident> list(boolean openOnly, int limit) {
        return jdbc.query(SELECT + (openOnly ? " WHERE i.addressed_by_decision_id IS NULL" : "")
                + " ORDER BY i.id DESC FETCH FIRST " + Math.max(1, Math.min(limit, 5000)) + " ROWS ONLY",
                ExposureIncidents::map);
    }

    /** The incident each result is evidence of, for result views. */
    public Map<Long, ExposureIncident> forResults(Collection<Long> resultIds) {
        if (resultIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, ExposureIncident> out = new HashMap<>();
        jdbc.query(SELECT + " WHERE i.result_id IN (" + marks(resultIds) + ") ORDER BY i.id", ExposureIncidents::map,
                resultIds.toArray()).forEach(i -> out.put(i.resultId(), i));
        return out;
    }

    /** The open incidents of each order, for order lists (the practitioner's queue). */
    public Map<Long, List<ExposureIncident>> openForOrders(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.query(SELECT + " WHERE i.addressed_by_decision_id IS NULL AND i.order_id IN (" + marks(orderIds)
                        + ") ORDER BY i.id", ExposureIncidents::map, orderIds.toArray()).stream()
                .collect(Collectors.groupingBy(ExposureIncident::orderId));
    }

    private static String marks(Collection<Long> ids) {
        return ids.stream().map(id -> "?").collect(Collectors.joining(","));
    }

    private static ExposureIncident map(ResultSet rs) throws SQLException {
        String outcome = rs.getString("decision_outcome");
        ExposureIncident.DecisionState decision = outcome == null ? ExposureIncident.DecisionState.NONE
                : new ExposureIncident.DecisionState(Jdbc.nullableLong(rs, "decision_id"), Outcome.valueOf(outcome),
                        DecidedBy.Mode.valueOf(rs.getString("decision_mode")), Jdbc.instant(rs, "decision_at"));
        Long addressedBy = Jdbc.nullableLong(rs, "addressed_by_decision_id");
        ExposureIncident.Addressed addressed = addressedBy == null ? null : new ExposureIncident.Addressed(addressedBy,
                Outcome.valueOf(rs.getString("addressed_outcome")), rs.getString("addressed_by"),
                Jdbc.instant(rs, "addressed_at"));
        return new ExposureIncident(rs.getLong("id"), rs.getLong("order_id"), rs.getString("accession_number"),
                ExposureIncident.Evidence.valueOf(rs.getString("evidence")), Jdbc.nullableLong(rs, "result_id"),
                rs.getString("mpps_sop_instance_uid"), Jdbc.instant(rs, "exposed_at"),
                OrderStatus.valueOf(rs.getString("order_status")), decision, Jdbc.instant(rs, "detected_at"), addressed);
    }
}
