package org.dxaflow.justification;

/** Things the booking clerk, operator or reporter must know, beyond the outcome itself. */
public enum DecisionFlag {
    /** Seed Appendix 2: spine and hip BMD cannot be measured accurately over the weight limit. */
    WEIGHT_OVER_SPINE_HIP_LIMIT,
    /** Recent nuclear medicine / contrast study: do not scan before the earliest scan date. */
    RECENT_NM_OR_CONTRAST,
    /** VFA planned; ISCD makes it conditional on the T-score found at the scan. */
    VFA_CONDITIONAL_ON_T_SCORE,
    /** Seed "Appointment": consider possible special needs of the patient when booking. */
    SPECIAL_NEEDS,
    /** REFREASON carried codes this rule set does not know; the practitioner should read them. */
    UNKNOWN_REASON_CODES,
    /** Seed Appendix 2 (1a, 2c): treatment/prophylaxis may be considered without BMD. */
    TREATMENT_WITHOUT_BMD_MAY_BE_CONSIDERED,
    /** Seed "Appointment": follow-up scans must be booked on the same machine as the previous one. */
    FOLLOW_UP_SAME_SCANNER,
    /**
     * IRMER: decided after the patient was exposed (an exposure incident): the justification, if
     * any, is retrospective and the incident is reported, not undone.
     */
    RETROSPECTIVE
}
