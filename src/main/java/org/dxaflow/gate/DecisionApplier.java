package org.dxaflow.gate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dxaflow.justification.DecidedBy;
import org.dxaflow.justification.DecisionFlag;
import org.dxaflow.justification.JustificationDecision;
import org.dxaflow.justification.Outcome;
import org.dxaflow.order.Order;
import org.dxaflow.orderbook.OrderEvent;
import org.dxaflow.orderbook.StatusChange;
import org.dxaflow.orderbook.StatusChanges;
import org.dxaflow.pathway.OrderSchedule;
import org.dxaflow.pathway.SchedulePolicy;
import org.dxaflow.pathway.ScheduleStore;

/**
 * What a justification decision does to an order, AUTO or by a practitioner, all in the caller's
 * transaction: the decision is stored, the status moves (JUSTIFIED → SCHEDULED, NEEDS_REVIEW →
 * AWAITING_JUSTIFICATION, RETURNED → RETURNED, REJECTED → REJECTED) and a justified order gets its
 * scheduled step: its booked appointment, else the requested date or the next working day.
 *
 * <p>An order whose patient was already exposed (an exposure incident) is never scheduled: the
 * decision is flagged RETROSPECTIVE, a JUSTIFIED one moves the order to where the exposure left it
 * (IN_PROGRESS, COMPLETED, DISCONTINUED), and a practitioner's decision answers the open incidents.
 */
public final class DecisionApplier {

    private final DecisionStore decisions;
    private final StatusChanges statuses;
    private final ScheduleStore schedules;
    private final SchedulePolicy policy;
    private final ExposureIncidents incidents;

    public DecisionApplier(DecisionStore decisions, StatusChanges statuses, ScheduleStore schedules,
            SchedulePolicy policy, ExposureIncidents incidents) {
        this.decisions = decisions;
        this.statuses = statuses;
        this.schedules = schedules;
        this.policy = policy;
        this.incidents = incidents;
    }

    public void apply(Connection c, Order order, JustificationDecision d, Instant now) throws SQLException {
        List<ExposureIncident> exposures = incidents.forOrder(c, order.id());
        JustificationDecision decision = exposures.isEmpty() ? d : retrospective(d, exposures);
        StoredDecision stored = decisions.insert(c, order.id(), decision);
        OrderSchedule schedule = schedules.ensure(c, order, now);
        if (!exposures.isEmpty() && decision.decidedBy().mode() == DecidedBy.Mode.PRACTITIONER) {
            incidents.address(c, order.id(), stored.id(), decision.outcome(), now);
        }
        statuses.apply(c, order, exposures.isEmpty() ? eventFor(decision.outcome())
                : eventAfterExposure(c, order.id(), decision.outcome()), reasonFor(decision), now);
        if (decision.outcome() == Outcome.JUSTIFIED) {
            schedules.justified(c, order.id(), decision.decidedAt(), decision.earliestScanDate());
            if (exposures.isEmpty() && !schedule.hasBookedAppointment()) {
                schedules.setStep(c, order.id(), policy.defaultStep(order.requestedDate(),
                        decision.earliestScanDate(), decision.decidedAt()), now);
            }
        }
    }

    static OrderEvent eventFor(Outcome outcome) {
        return switch (outcome) {
            case JUSTIFIED -> OrderEvent.JUSTIFIED;
            case NEEDS_REVIEW -> OrderEvent.HELD_FOR_REVIEW;
            case RETURNED -> OrderEvent.RETURNED;
            case REJECTED -> OrderEvent.REJECTED;
        };
    }

    /** A justification after the exposure takes the order where the scan evidence puts it, never to the worklist. */
    private OrderEvent eventAfterExposure(Connection c, long orderId, Outcome outcome) throws SQLException {
        if (outcome != Outcome.JUSTIFIED) {
            return eventFor(outcome);
        }
        return switch (incidents.statusAfterExposure(c, orderId)) {
            case COMPLETED -> OrderEvent.JUSTIFIED_AFTER_SCAN_COMPLETED;
            case DISCONTINUED -> OrderEvent.JUSTIFIED_AFTER_SCAN_DISCONTINUED;
            default -> OrderEvent.JUSTIFIED_AFTER_SCAN_STARTED;
        };
    }

    /** The decision as it is stored for an exposed order: flagged, with the incidents named. */
    static JustificationDecision retrospective(JustificationDecision d, List<ExposureIncident> exposures) {
        Set<DecisionFlag> flags = EnumSet.of(DecisionFlag.RETROSPECTIVE);
        flags.addAll(d.flags());
        List<String> reasons = new java.util.ArrayList<>(d.reasons());
        reasons.add("RETROSPECTIVE: decided after the patient was exposed ("
                + String.join("; ", exposures.stream().map(DecisionApplier::evidence).toList()) + ")");
        return new JustificationDecision(d.referralId(), d.outcome(), d.ruleSetVersion(), d.criteria(), reasons,
                d.protocol(), flags, d.earliestScanDate(), d.decidedBy(), d.decidedAt(), d.comment());
    }

    private static String evidence(ExposureIncident i) {
        return "incident " + i.id() + ": " + (i.evidence() == ExposureIncident.Evidence.RESULT
                ? "result " + i.resultId() : "MPPS " + i.mppsSopInstanceUid()) + " at " + i.exposedAt()
                + ", order " + i.orderStatus() + ", decision in force: " + i.decision().describe();
    }

    /**
     * The reason the RIS is given (ORC-16). A practitioner's return or rejection carries their
     * comment, which is addressed to the referrer; an AUTO decision carries the rule findings.
     */
    static StatusChange.Reason reasonFor(JustificationDecision d) {
        boolean practitioner = d.decidedBy().mode() == DecidedBy.Mode.PRACTITIONER;
        String findings = String.join("; ", d.reasons());
        return switch (d.outcome()) {
            case JUSTIFIED -> d.flags().contains(DecisionFlag.RETROSPECTIVE)
                    ? new StatusChange.Reason("RETROSPECTIVE", "Justified after the exposure (IRMER incident)")
                    : StatusChange.Reason.NONE;
            case NEEDS_REVIEW -> new StatusChange.Reason("HELD_FOR_REVIEW",
                    "Held for review by an IRMER practitioner" + (findings.isEmpty() ? "" : ": " + findings));
            case RETURNED -> new StatusChange.Reason("RETURNED", practitioner ? d.comment() : findings);
            case REJECTED -> new StatusChange.Reason("REJECTED", d.comment());
        };
    }
}
