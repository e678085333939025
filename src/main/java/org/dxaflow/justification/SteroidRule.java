package org.dxaflow.justification;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Appendix 2 item 2 (RCP glucocorticoid guidance): systemic steroids, under the age limit, for at
 * least the minimum duration or at a high dose at initiation. Over the age limit prophylaxis may be
 * given without BMD, so a practitioner decides. Inhaled steroids without oral courses are "not an
 * indication for BMD scan": the one unmet case the written criteria let us return.
 */
final class SteroidRule implements JustificationRule {

    private static final String NAME = ReferralReason.STEROIDS.name();
    private final RuleSet.Steroids thresholds;

    SteroidRule(RuleSet.Steroids thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public ReferralReason reason() {
        return ReferralReason.STEROIDS;
    }

    @Override
    public RuleEvaluation evaluate(Referral referral) {
        ReferralAnswers a = referral.answers();
        int age = referral.ageYears();
        Map<String, Object> data = Facts.of("STEROID_ROUTE", a.steroidRoute(), "STEROID_ORAL_COURSES",
                a.steroidOralCourses(), "STEROID_DOSE_MG", a.steroidDoseMg(), "STEROID_DURATION_MONTHS",
                a.steroidDurationMonths(), "AGE", age);

        if (a.steroidRoute().isEmpty()) {
            return RuleEvaluation.hold(NAME, CriterionStatus.UNKNOWN, data, "Steroid route not stated");
        }
        SteroidRoute route = a.steroidRoute().get();
        if (!thresholds.systemicRoutes().contains(route)) {
            return nonSystemic(route, a.steroidOralCourses(), data);
        }
        if (age >= thresholds.youngerThanYears()) {
            return RuleEvaluation.hold(NAME, CriterionStatus.NOT_MET, data, "Patient aged " + age + " ("
                            + thresholds.youngerThanYears() + " or over): may be considered for osteoporosis"
                            + " prophylaxis without BMD; practitioner to decide",
                    DecisionFlag.TREATMENT_WITHOUT_BMD_MAY_BE_CONSIDERED);
        }
        Optional<BigDecimal> duration = a.steroidDurationMonths();
        Optional<BigDecimal> dose = a.steroidDoseMg();
        boolean longEnough = duration.filter(d -> d.compareTo(thresholds.minDurationMonths()) >= 0).isPresent();
        boolean highDose = dose.filter(d -> d.compareTo(thresholds.minDailyDoseMg()) >= 0).isPresent();
        String exposure = route + " steroids, " + duration.map(d -> d.toPlainString() + " months").orElse("duration not stated")
                + ", " + dose.map(d -> d.toPlainString() + " mg/day").orElse("dose not stated") + ", age " + age;
        if (longEnough || highDose) {
            return RuleEvaluation.met(NAME, data, exposure + ": meets " + (longEnough
                    ? "duration of at least " + thresholds.minDurationMonths().toPlainString() + " months"
                    : "high dose of at least " + thresholds.minDailyDoseMg().toPlainString() + " mg/day at initiation"));
        }
        if (duration.isPresent() && dose.isPresent()) {
            return RuleEvaluation.hold(NAME, CriterionStatus.NOT_MET, data, exposure + ": under "
                    + thresholds.minDurationMonths().toPlainString() + " months and under "
                    + thresholds.minDailyDoseMg().toPlainString() + " mg/day; practitioner to assess");
        }
        return RuleEvaluation.hold(NAME, CriterionStatus.UNKNOWN, data, exposure
                + ": not enough information to check duration or dose");
    }

    private RuleEvaluation nonSystemic(SteroidRoute route, YesNo oralCourses, Map<String, Object> data) {
        switch (oralCourses) {
            case N:
                return RuleEvaluation.returned(NAME, data, "Steroid route " + route + " without intermittent oral"
                        + " treatment: not an indication for a BMD scan");
            case Y:
                return RuleEvaluation.hold(NAME, CriterionStatus.NOT_MET, data, "Steroid route " + route + " with"
                        + " intermittent oral courses: practitioner to assess the cumulative exposure");
            default:
                return RuleEvaluation.hold(NAME, CriterionStatus.UNKNOWN, data, "Steroid route " + route + ": not stated"
                        + " whether there are intermittent oral courses");
        }
    }
}
