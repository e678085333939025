package org.dxaflow.justification;

/**
 * A practitioner decision was applied to an order whose decision is already final
 * (JUSTIFIED, RETURNED or REJECTED). The REST layer maps this to 409 Conflict.
 */
public class DecisionAlreadyFinalException extends IllegalStateException {

    private final String referralId;
    private final Outcome currentOutcome;

    public DecisionAlreadyFinalException(String referralId, Outcome currentOutcome) {
        super("Decision for referral '" + referralId + "' is already final (" + currentOutcome + ")");
        this.referralId = referralId;
        this.currentOutcome = currentOutcome;
    }

    public String referralId() {
        return referralId;
    }

    public Outcome currentOutcome() {
        return currentOutcome;
    }
}
