package org.dxaflow.gate;

import java.time.Instant;
import org.dxaflow.justification.DecidedBy;
import org.dxaflow.justification.Outcome;
import org.dxaflow.order.OrderStatus;

/**
 * IRMER incident: the patient was exposed (a result arrived, or the scanner reported MPPS IN
 * PROGRESS) for an order that no JUSTIFIED decision covered at that moment.
 *
 * @param accessionNumber the order's, for the practitioner's list (no patient data)
 * @param exposedAt       when the engine learnt of the exposure: the result's receipt, the MPPS event
 * @param orderStatus     the order's status when the exposure was found
 * @param decision        the decision in force at {@code exposedAt}; {@link DecisionState#NONE} when none
 * @param addressed       the first practitioner decision taken after the exposure; null while open
 */
public record ExposureIncident(long id, long orderId, String accessionNumber, Evidence evidence, Long resultId,
        String mppsSopInstanceUid, Instant exposedAt, OrderStatus orderStatus, DecisionState decision,
        Instant detectedAt, Addressed addressed) {

    /** The code results and incidents carry. */
    public static final String CODE = "EXPOSURE_WITHOUT_JUSTIFICATION";

    /** What showed that the patient was exposed. */
    public enum Evidence { RESULT, MPPS }

    /** A justification decision as it stood; all fields null when the order had none. */
    public record DecisionState(Long decisionId, Outcome outcome, DecidedBy.Mode mode, Instant decidedAt) {
        public static final DecisionState NONE = new DecisionState(null, null, null, null);

        /** For people and logs: "NEEDS_REVIEW (AUTO, 2026-11-20T09:10:00Z)" or "no decision". */
        public String describe() {
            return outcome == null ? "no decision" : outcome + " (" + mode + ", " + decidedAt + ")";
        }
    }

    /** The practitioner decision that answered the incident. */
    public record Addressed(long decisionId, Outcome outcome, String by, Instant at) {
    }

    public boolean isOpen() {
        return addressed == null;
    }

    /** Log- and result-safe sentence: identifiers and states only, never patient data. */
    public static String describe(OrderStatus orderStatus, DecisionState decision) {
        return CODE + ": the order was " + orderStatus + " and the justification decision in force was "
                + decision.describe() + "; an IRMER practitioner must review this exposure";
    }
}
