package org.dxaflow.justification;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.dxaflow.order.ReferralAnswers;
import org.dxaflow.order.ReferralReason;
import org.dxaflow.order.SteroidRoute;
import org.dxaflow.order.YesNo;

/**
 * Appendix 2 item 2 (RCP glucocorticoid guidance): systemic steroids, under the age limit, for the
 * minimum duration or at a high dose at initiation. Whether exactly the minimum duration or dose
 * meets the criterion (the seed writes "&gt;3 months", "&gt;15 mg") is the practitioner's signed
 * reading ({@link Delegation.ThresholdReadings}), named in every note that depends on it. Over the
 * age limit prophylaxis may be given without BMD, so a practitioner decides. Inhaled steroids
 * without oral courses are "not an indication for BMD scan": the one unmet case the written
 * criteria let us return.
 */
final class SteroidRule implements JustificationRule {

    private static final String NAME = ReferralReason.STEROIDS.name();
    private final RuleSet.Steroids thresholds;
    private final ThresholdReading durationReading;
    private final ThresholdReading doseReading;

    SteroidRule(RuleSet.Steroids thresholds, Delegation.ThresholdReadings readings) {
        this.thresholds = thresholds;
        this.durationReading = readings.steroidDuration();
        this.doseReading = readings.steroidDose();
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
                a.steroidDurationMonths(), "AGE", age, "DURATION_READING", durationReading.reading(),
                "DOSE_READING", doseReading.reading());

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
        boolean longEnough = duration.filter(d -> durationReading.meets(d, thresholds.minDurationMonths())).isPresent();
        boolean highDose = dose.filter(d -> doseReading.meets(d, thresholds.minDailyDoseMg())).isPresent();
        String exposure = route + " steroids, " + duration.map(d -> d.toPlainString() + " months").orElse("duration not stated")
                + ", " + dose.map(d -> d.toPlainString() + " mg/day").orElse("dose not stated") + ", age " + age;
        if (longEnough || highDose) {
            return RuleEvaluation.met(NAME, data, exposure + ": meets " + (longEnough
                    ? "duration of " + durationReading.criterion(thresholds.minDurationMonths(), "months")
                            + ", " + durationReading.citation()
                    : "high dose at initiation of " + doseReading.criterion(thresholds.minDailyDoseMg(), "mg/day")
                            + ", " + doseReading.citation()));
        }
        if (duration.isPresent() && dose.isPresent()) {
            return RuleEvaluation.hold(NAME, CriterionStatus.NOT_MET, data, exposure + ": duration "
                    + durationReading.shortOf(thresholds.minDurationMonths(), "months") + " and dose "
                    + doseReading.shortOf(thresholds.minDailyDoseMg(), "mg/day") + " (signed readings: \""
                    + durationReading.wording() + "\" " + durationReading.reading() + ", \"" + doseReading.wording() + "\" "
                    + doseReading.reading() + "); practitioner to assess");
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
