package org.dxaflow.justification;

/** Justification outcome of an order. Only NEEDS_REVIEW is pending; the others are final. */
public enum Outcome {
    /** Exposure justified: the order may be scheduled. */
    JUSTIFIED,
    /** Held for a practitioner: never auto-justified, never auto-rejected. */
    NEEDS_REVIEW,
    /** Sent back to the referrer for clarification/completion (unsigned, no valid reason, ...). */
    RETURNED,
    /** Not justified, by a practitioner's decision (the engine never rejects on its own). */
    REJECTED;

    public boolean isFinal() {
        return this != NEEDS_REVIEW;
    }
}
