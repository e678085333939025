package org.dxaflow.justification;

/** What one check's result means for the order; {@link OutcomeResolver} combines them by precedence. */
public enum Consequence {
    /** A criterion is met: the exposure is justified (unless something holds or returns it). */
    JUSTIFY,
    /** A practitioner must look at it. */
    HOLD,
    /** Back to the referrer (administrative gap, or "not an indication" per the written criteria). */
    RETURN,
    /** No effect on the outcome (informative, or covered by another check). */
    NONE
}
