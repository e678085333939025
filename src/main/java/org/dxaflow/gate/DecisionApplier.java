package org.dxaflow.gate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.dxaflow.justification.DecidedBy;
import org.dxaflow.justification.JustificationDecision;
import org.dxaflow.justification.Outcome;
import org.dxaflow.order.Order;
import org.dxaflow.order.OrderStatus;
import org.dxaflow.pathway.OrderSchedule;
import org.dxaflow.pathway.SchedulePolicy;
import org.dxaflow.pathway.ScheduleStore;
import org.dxaflow.pathway.StatusChange;
import org.dxaflow.pathway.StatusChanges;

/**
 * What a justification decision does to an order, AUTO or by a practitioner, all in the caller's
 * transaction: the decision is stored, the status moves (JUSTIFIED → SCHEDULED, NEEDS_REVIEW →
 * AWAITING_JUSTIFICATION, RETURNED → RETURNED, REJECTED → REJECTED) and a justified order gets its
 * scheduled step: its booked appointment, else the requested date or the next working day.
 */
public final class DecisionApplier {

    private final DecisionStore decisions;
    private final StatusChanges statuses;
    private final ScheduleStore schedules;
    private final SchedulePolicy policy;

    public DecisionApplier(DecisionStore decisions, StatusChanges statuses, ScheduleStore schedules,
            SchedulePolicy policy) {
        this.decisions = decisions;
        this.statuses = statuses;
        this.schedules = schedules;
        this.policy = policy;
    }

    public void apply(Connection c, Order order, JustificationDecision d, Instant now) throws SQLException {
        decisions.insert(c, order.id(), d);
        OrderSchedule schedule = schedules.ensure(c, order, now);
        statuses.change(c, order, statusFor(d.outcome()), reasonFor(d), now);
        if (d.outcome() == Outcome.JUSTIFIED) {
            schedules.justified(c, order.id(), d.decidedAt(), d.earliestScanDate());
            if (!schedule.hasBookedAppointment()) {
                schedules.setStep(c, order.id(),
                        policy.defaultStep(order.requestedDate(), d.earliestScanDate(), d.decidedAt()), now);
            }
        }
    }

    static OrderStatus statusFor(Outcome outcome) {
        return switch (outcome) {
            case JUSTIFIED -> OrderStatus.SCHEDULED;
            case NEEDS_REVIEW -> OrderStatus.AWAITING_JUSTIFICATION;
            case RETURNED -> OrderStatus.RETURNED;
            case REJECTED -> OrderStatus.REJECTED;
        };
    }

    /**
     * The reason the RIS is given (ORC-16). A practitioner's return or rejection carries their
     * comment, which is addressed to the referrer; an AUTO decision carries the rule findings.
     */
    static StatusChange.Reason reasonFor(JustificationDecision d) {
        boolean practitioner = d.decidedBy().mode() == DecidedBy.Mode.PRACTITIONER;
        String findings = String.join("; ", d.reasons());
        return switch (d.outcome()) {
            case JUSTIFIED -> StatusChange.Reason.NONE;
            case NEEDS_REVIEW -> new StatusChange.Reason("HELD_FOR_REVIEW",
                    "Held for review by an IRMER practitioner" + (findings.isEmpty() ? "" : ": " + findings));
            case RETURNED -> new StatusChange.Reason("RETURNED", practitioner ? d.comment() : findings);
            case REJECTED -> new StatusChange.Reason("REJECTED", d.comment());
        };
    }
}
