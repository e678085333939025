package org.dxaflow.justification;

import java.util.Map;
import org.dxaflow.clinical.MenopausalAssessment;
import org.dxaflow.clinical.MenopausalStatusRule;
import org.dxaflow.clinical.Sex;
import org.dxaflow.order.ReferralAnswers;
import org.dxaflow.order.ReferralReason;
import org.dxaflow.order.YesNo;

/**
 * Appendix 2 item 1: "Postmenopausal women and men &gt;50 with history of one or more fractures
 * after age 40". Menopause not stated is resolved by the one configured menopausal-status rule
 * (conf/clinical/menopausal-status.yaml), the same densitometry uses; when it cannot be inferred the
 * status is UNKNOWN (held), never guessed.
 */
final class FractureRule implements JustificationRule {

    private static final String NAME = ReferralReason.FRACTURE.name();
    private final RuleSet.Fracture thresholds;
    private final MenopausalStatusRule menopausalStatus;

    FractureRule(RuleSet.Fracture thresholds, MenopausalStatusRule menopausalStatus) {
        this.thresholds = thresholds;
        this.menopausalStatus = menopausalStatus;
    }

    @Override
    public ReferralReason reason() {
        return ReferralReason.FRACTURE;
    }

    @Override
    public RuleEvaluation evaluate(Referral referral) {
        ReferralAnswers a = referral.answers();
        int age = referral.ageYears();
        Map<String, Object> data = Facts.of("FRACTURE_AFTER_40", a.fractureAfter40(), "SEX", referral.sex(),
                "AGE", age, "MENOPAUSE", a.menopause(), "FRACTURE_DETAILS", a.fractureDetails());

        if (a.fractureAfter40() == YesNo.U) {
            return RuleEvaluation.hold(NAME, CriterionStatus.UNKNOWN, data,
                    "Not stated whether the fracture occurred after age 40");
        }
        if (a.fractureAfter40() == YesNo.N) {
            return RuleEvaluation.hold(NAME, CriterionStatus.NOT_MET, data,
                    "Fracture not after age 40: outside the fracture criterion, practitioner to assess");
        }
        switch (referral.sex()) {
            case M:
                if (age > thresholds.menOlderThanYears()) {
                    return RuleEvaluation.met(NAME, data, "Man aged " + age + " (over "
                            + thresholds.menOlderThanYears() + ") with fracture after age 40");
                }
                return RuleEvaluation.hold(NAME, CriterionStatus.NOT_MET, data, "Man aged " + age
                        + ": the fracture criterion is for men over " + thresholds.menOlderThanYears());
            case F:
                return woman(a.menopause(), age, data);
            default:
                return RuleEvaluation.hold(NAME, CriterionStatus.UNKNOWN, data,
                        "Sex not known: the fracture criterion depends on sex and menopause");
        }
    }

    private RuleEvaluation woman(YesNo menopause, int age, Map<String, Object> data) {
        Boolean stated = menopause == YesNo.Y ? Boolean.TRUE : menopause == YesNo.N ? Boolean.FALSE : null;
        MenopausalAssessment status = menopausalStatus.assess(stated, "referral MENOPAUSE=" + menopause, age);
        if (status.premenopausal()) {
            return RuleEvaluation.hold(NAME, CriterionStatus.NOT_MET, data,
                    "Woman stated not postmenopausal: outside the fracture criterion, practitioner to assess");
        }
        if (status.unknown()) {
            return RuleEvaluation.hold(NAME, CriterionStatus.UNKNOWN, data,
                    "Menopause status " + status.basis() + ": cannot take her as postmenopausal");
        }
        String basis = status.inferred() ? "postmenopausal (" + status.basis() + ")" : "postmenopausal (stated)";
        String note = "Woman aged " + age + ", " + basis + ", with fracture after age 40";
        if (age > thresholds.treatmentWithoutBmdWomenOlderThanYears()) {
            return RuleEvaluation.met(NAME, data, note + ". Postmenopausal women over "
                            + thresholds.treatmentWithoutBmdWomenOlderThanYears()
                            + " may be considered for treatment without prior BMD (NICE TA161)",
                    DecisionFlag.TREATMENT_WITHOUT_BMD_MAY_BE_CONSIDERED);
        }
        return RuleEvaluation.met(NAME, data, note);
    }
}
