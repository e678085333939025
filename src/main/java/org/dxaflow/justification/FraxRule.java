package org.dxaflow.justification;

import java.util.Map;
import org.dxaflow.order.NoggZone;
import org.dxaflow.order.ReferralAnswers;
import org.dxaflow.order.ReferralReason;
import org.dxaflow.order.YesNo;

/**
 * Appendix 2 item 5: FRAX triage of patients over 40, referral of NOGG amber and red. FRAX is not
 * valid in treated patients (Appendix 2 notes), so those are held; green is below the assessment
 * threshold, which the written criteria do not refer for, so it is "not an indication" — but only
 * in a patient stated to be untreated: with treatment not stated the green result may not be valid
 * and is held. (Amber and red are met either way: a scan is indicated whether or not FRAX was valid.)
 */
final class FraxRule implements JustificationRule {

    private static final String NAME = ReferralReason.FRAX.name();
    private final RuleSet.Frax thresholds;

    FraxRule(RuleSet.Frax thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public ReferralReason reason() {
        return ReferralReason.FRAX;
    }

    @Override
    public RuleEvaluation evaluate(Referral referral) {
        ReferralAnswers a = referral.answers();
        int age = referral.ageYears();
        Map<String, Object> data = Facts.of("AGE", age, "NOGG_ZONE", a.noggZone(), "OSTEO_TREATMENT",
                a.osteoTreatment(), "FRAX_MOF", a.fraxMof(), "FRAX_HIP", a.fraxHip());

        if (a.osteoTreatment() == YesNo.Y) {
            return RuleEvaluation.hold(NAME, CriterionStatus.NOT_MET, data, "FRAX is not valid in treated patients"
                    + " (current or previous osteoporosis treatment); practitioner to assess");
        }
        if (age <= thresholds.olderThanYears()) {
            return RuleEvaluation.hold(NAME, CriterionStatus.NOT_MET, data, "FRAX triage is for patients over "
                    + thresholds.olderThanYears() + "; patient is " + age + "; practitioner to assess");
        }
        if (a.noggZone().isEmpty()) {
            return RuleEvaluation.hold(NAME, CriterionStatus.UNKNOWN, data, "NOGG zone not stated");
        }
        NoggZone zone = a.noggZone().get();
        if (thresholds.referralZones().contains(zone)) {
            return RuleEvaluation.met(NAME, data, "FRAX result in the NOGG " + zone + " zone, age " + age);
        }
        if (thresholds.returnZones().contains(zone) && a.osteoTreatment() == YesNo.N) {
            return RuleEvaluation.returned(NAME, data, "FRAX result in the NOGG " + zone
                    + " zone, untreated patient: below the assessment threshold, not an indication for a BMD scan");
        }
        if (thresholds.returnZones().contains(zone)) {
            return RuleEvaluation.hold(NAME, CriterionStatus.UNKNOWN, data, "FRAX result in the NOGG " + zone
                    + " zone, but not stated whether the patient has had osteoporosis treatment: FRAX is not valid"
                    + " in treated patients, so the result cannot be relied on to return the referral;"
                    + " practitioner to assess");
        }
        return RuleEvaluation.hold(NAME, CriterionStatus.NOT_MET, data, "NOGG " + zone
                + " zone is not configured for referral; practitioner to assess");
    }
}
