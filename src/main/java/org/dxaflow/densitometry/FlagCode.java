package org.dxaflow.densitometry;

/** Machine-readable flag codes. */
public enum FlagCode {
    /** The result must not go out on the engine's word alone: a reporter decides (message says why). */
    NEEDS_REPORTER_REVIEW,
    LOW_Z_SCORE,
    SIGNIFICANT_BMD_LOSS,
    VERTEBRAL_FRACTURE_ON_VFA,
    SITE_NOT_EVALUABLE,
    VENDOR_DISAGREEMENT,
    REFERENCE_DATABASES_DIFFER,
    PRIOR_NOT_COMPARABLE,
    DEFAULT_LSC,
    WHO_CATEGORY_NOT_DETERMINABLE,
    FRAX_FROM_REFERRAL,
    BMD_ADJUSTED_FRAX_NOT_COMPUTED
}
