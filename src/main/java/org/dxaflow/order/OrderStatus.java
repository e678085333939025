package org.dxaflow.order;

/** Where an order is in the DXA pathway. */
public enum OrderStatus {
    RECEIVED,
    AWAITING_JUSTIFICATION,
    RETURNED,
    REJECTED,
    SCHEDULED,
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
