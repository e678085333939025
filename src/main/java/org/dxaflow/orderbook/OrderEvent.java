package org.dxaflow.orderbook;

/**
 * What can happen to an order, from whichever side it comes: the RIS (HL7), the justification
 * gate, the scanner (MPPS, results). {@link OrderLifecycle} says what each does to each status.
 */
public enum OrderEvent {
    /** ORC-1 CA or DC from the RIS. */
    CANCELLED_BY_RIS,
    /** ORC-1 XO from the RIS, whatever it changes. */
    CHANGED_BY_RIS,
    /** An XO changed the referral the decision was made on: the order is justified again. */
    REFERRAL_CHANGED,

    /** The gate's or a practitioner's decisions. */
    JUSTIFIED,
    HELD_FOR_REVIEW,
    RETURNED,
    REJECTED,
    /**
     * Justified after the patient was exposed (an IRMER incident), named after what the scanner
     * reported: the order goes where the scan evidence puts it, never back on the worklist.
     */
    JUSTIFIED_AFTER_SCAN_STARTED,
    JUSTIFIED_AFTER_SCAN_COMPLETED,
    JUSTIFIED_AFTER_SCAN_DISCONTINUED,

    /** SIU from the RIS. */
    APPOINTMENT_BOOKED,
    DID_NOT_ATTEND,
    APPOINTMENT_CANCELLED,

    /** MPPS from the scanner. */
    SCAN_STARTED,
    SCAN_COMPLETED,
    SCAN_DISCONTINUED,
    /** Computed results for the order arrived (some scanners send no MPPS). */
    RESULT_RECEIVED,

    /** A verified (final or amended) report was filed in PACS: the IRMER clinical record exists. */
    FINAL_REPORT_DELIVERED
}
