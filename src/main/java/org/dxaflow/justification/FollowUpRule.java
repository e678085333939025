package org.dxaflow.justification;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.dxaflow.order.ReferralAnswers;
import org.dxaflow.order.ReferralReason;

/**
 * Appendix 2 item 6: follow-up scan to assess change in BMD. The minimum interval is local policy
 * (seed "Supporting documentation: follow-up measurement and timing"); sooner, or an unknown date,
 * is for a practitioner to judge.
 */
final class FollowUpRule implements JustificationRule {

    private static final String NAME = ReferralReason.FOLLOW_UP.name();
    private final RuleSet.FollowUp thresholds;

    FollowUpRule(RuleSet.FollowUp thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public ReferralReason reason() {
        return ReferralReason.FOLLOW_UP;
    }

    @Override
    public RuleEvaluation evaluate(Referral referral) {
        ReferralAnswers a = referral.answers();
        LocalDate referralDate = referral.referralDate();
        if (a.previousDxaDate().isEmpty()) {
            return RuleEvaluation.hold(NAME, CriterionStatus.UNKNOWN,
                    Facts.of("PREVIOUS_DXA_DATE", null, "PREVIOUS_DXA_SITE", a.previousDxaSite(), "REFERRAL_DATE", referralDate),
                    "Previous DXA date not stated: cannot check the follow-up interval");
        }
        LocalDate previous = a.previousDxaDate().get();
        long months = ChronoUnit.MONTHS.between(previous, referralDate);
        Map<String, Object> data = Facts.of("PREVIOUS_DXA_DATE", previous, "PREVIOUS_DXA_SITE", a.previousDxaSite(),
                "REFERRAL_DATE", referralDate, "MONTHS_SINCE_PREVIOUS", months);
        String interval = "Previous DXA " + previous + ", " + months + " months before the referral";
        if (!previous.plusYears(thresholds.minYears()).isAfter(referralDate)) {
            return RuleEvaluation.met(NAME, data, interval + " (minimum " + thresholds.minYears() + " years)");
        }
        return RuleEvaluation.hold(NAME, CriterionStatus.NOT_MET, data, interval + ": sooner than the "
                + thresholds.minYears() + "-year minimum; practitioner to assess");
    }
}
