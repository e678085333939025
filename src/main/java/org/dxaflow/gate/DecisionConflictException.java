package org.dxaflow.gate;

/**
 * A practitioner decision that cannot be taken in the order's current state: not yet evaluated,
 * no longer awaiting justification (cancelled meanwhile), or decided by someone else just now.
 * The REST layer answers 409, like {@link org.dxaflow.justification.DecisionAlreadyFinalException}.
 */
public final class DecisionConflictException extends IllegalStateException {
    public DecisionConflictException(String message) {
        super(message);
    }
}
