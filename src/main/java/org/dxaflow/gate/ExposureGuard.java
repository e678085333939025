package org.dxaflow.gate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.dxaflow.justification.JustificationDecision;
import org.dxaflow.justification.Outcome;
import org.dxaflow.order.Order;

/**
 * IRMER regulation 11: no exposure without a justification made before it. Given the order a
 * result or a procedure step belongs to and when the engine learnt of the exposure, says whether a
 * JUSTIFIED decision was in force then; the results and MPPS steps record an incident when not.
 * A decision made later (the order arrived after the scan, a practitioner justified it after) does
 * not count: that justification is retrospective, and the incident says so.
 */
public final class ExposureGuard {

    private final DecisionStore decisions;
    private final ExposureIncidents incidents;

    public ExposureGuard(DecisionStore decisions, ExposureIncidents incidents) {
        this.decisions = decisions;
        this.incidents = incidents;
    }

    /** Empty when the exposure was justified; else the decision that was in force (or none). */
    public Optional<ExposureIncident.DecisionState> unjustified(Connection c, Order order, Instant exposedAt)
            throws SQLException {
        Optional<StoredDecision> inForce = decisions.inForceAt(c, order.id(), exposedAt);
        if (inForce.isPresent() && inForce.get().decision().outcome() == Outcome.JUSTIFIED) {
            return Optional.empty();
        }
        return Optional.of(inForce.map(ExposureGuard::state).orElse(ExposureIncident.DecisionState.NONE));
    }

    /** Records the incident: the order's status now and the decision that was in force. */
    public long record(Connection c, Order order, ExposureIncident.DecisionState decision,
            ExposureIncident.Evidence evidence, Long resultId, String mppsUid, Instant exposedAt, Instant now)
            throws SQLException {
        return incidents.record(c, order.id(), evidence, resultId, mppsUid, exposedAt, order.status(), decision, now);
    }

    /** A result filed again against the same order is the same exposure. */
    public boolean alreadyRecorded(Connection c, long orderId, long resultId) throws SQLException {
        return incidents.exists(c, orderId, resultId);
    }

    /** A procedure step reported (or redelivered) again is the same exposure. */
    public boolean alreadyRecorded(Connection c, String mppsSopInstanceUid) throws SQLException {
        return incidents.exists(c, mppsSopInstanceUid);
    }

    private static ExposureIncident.DecisionState state(StoredDecision d) {
        JustificationDecision j = d.decision();
        return new ExposureIncident.DecisionState(d.id(), j.outcome(), j.decidedBy().mode(), j.decidedAt());
    }
}
