package org.dxaflow.justification;

import org.dxaflow.order.ReferralReason;

/**
 * Appendix 2 item 3: "appearance of low bone mineral density reported by a radiologist". The form's
 * box reads "reported on x-ray by radiologist", so ticking it is the referrer's attestation of that
 * report; there is no further answer to check.
 */
final class RadiologicalOsteopeniaRule implements JustificationRule {

    @Override
    public ReferralReason reason() {
        return ReferralReason.RADIOLOGICAL_OSTEOPENIA;
    }

    @Override
    public RuleEvaluation evaluate(Referral referral) {
        return RuleEvaluation.met(reason().name(), Facts.of("REFREASON", reason().name()),
                "Osteopenia / low bone density reported on x-ray by a radiologist (attested by the referrer)");
    }
}
