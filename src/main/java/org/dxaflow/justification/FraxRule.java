package org.dxaflow.justification;

import java.util.Map;

/**
 * Appendix 2 item 5: FRAX triage of patients over 40, referral of NOGG amber and red. FRAX is not
 * valid in treated patients (Appendix 2 notes), so those are held; green is below the assessment
 * threshold, which the written criteria do not refer for, so it is returned.
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
        if (thresholds.returnZones().contains(zone)) {
            return RuleEvaluation.returned(NAME, data, "FRAX result in the NOGG " + zone
                    + " zone: below the assessment threshold, not an indication for a BMD scan");
        }
        return RuleEvaluation.hold(NAME, CriterionStatus.NOT_MET, data, "NOGG " + zone
                + " zone is not configured for referral; practitioner to assess");
    }
}
