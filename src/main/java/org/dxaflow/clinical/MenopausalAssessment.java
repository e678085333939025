package org.dxaflow.clinical;

import java.util.Objects;

/**
 * The status a woman is taken to have, whether it was stated or inferred, and from what, so that a
 * decision or a result built on it can say so.
 *
 * @param basis plain words a reader can check, e.g. "stated on the referral (MENOPAUSE=Y)" or
 *              "not stated; inferred from age 70 (55 or over, conf/clinical/menopausal-status.yaml)"
 */
public record MenopausalAssessment(MenopausalStatus status, boolean inferred, String basis) {

    public MenopausalAssessment {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(basis, "basis");
    }

    public boolean postmenopausal() {
        return status == MenopausalStatus.POSTMENOPAUSAL;
    }

    public boolean premenopausal() {
        return status == MenopausalStatus.PREMENOPAUSAL;
    }

    public boolean unknown() {
        return status == MenopausalStatus.UNKNOWN;
    }
}
