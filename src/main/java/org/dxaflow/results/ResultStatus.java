package org.dxaflow.results;

/** Where a received result stands. Every received result has one; none is ever discarded. */
public enum ResultStatus {
    /** Matched to its order and computed. */
    COMPUTED,
    /** Matched, but the computation needs something the order does not give (sex, birth date, scan date). */
    NOT_COMPUTED,
    /** Mapped, but no order matches: on the reconciliation list. */
    UNMATCHED,
    /** No mapping reads it, or its mapping cannot read it completely: the error says why. */
    UNMAPPABLE
}
