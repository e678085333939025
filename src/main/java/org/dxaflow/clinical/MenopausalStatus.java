package org.dxaflow.clinical;

/** A woman's menopausal status as the pathway uses it; UNKNOWN is never read as either of the others. */
public enum MenopausalStatus {
    POSTMENOPAUSAL,
    PREMENOPAUSAL,
    UNKNOWN
}
