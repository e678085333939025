package org.dxaflow.order;

/** Where an order is in the DXA pathway. */
public enum OrderStatus {
    RECEIVED,
    AWAITING_JUSTIFICATION,
    RETURNED,
    REJECTED,
    SCHEDULED,
    /**
     * The patient did not attend the booked appointment (SIU^S26): off the worklist until the RIS
     * books again (the order goes back to the status it had) or cancels it. Not final.
     */
    DNA,
    IN_PROGRESS,
    COMPLETED,
    DISCONTINUED,
    REPORTED,
    CANCELLED;

    /** Orders in a final state are not changed by RIS updates any more. */
    public boolean isFinal() {
        return this == CANCELLED || this == REPORTED || this == REJECTED;
    }
}
