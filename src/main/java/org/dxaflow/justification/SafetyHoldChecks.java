package org.dxaflow.justification;

import java.util.List;
import java.util.Map;
import org.dxaflow.order.Pregnancy;
import org.dxaflow.order.ReferralAnswers;

/**
 * Gate 2: circumstances in which the written criteria must not be applied automatically, whatever
 * the clinical reason: a child in an adult service, a (possibly) pregnant patient (IRMER; seed
 * "Scan visit"), or a referral whose reasons the criteria do not cover at all. Failures HOLD.
 */
final class SafetyHoldChecks {

    static final String ADULT_PATIENT = "ADULT_PATIENT";
    static final String NOT_PREGNANT = "NOT_PREGNANT";
    static final String RECOGNISED_REASON = "RECOGNISED_REASON";

    private final RuleSet.Eligibility eligibility;

    SafetyHoldChecks(RuleSet.Eligibility eligibility) {
        this.eligibility = eligibility;
    }

    List<RuleEvaluation> evaluate(Referral referral) {
        return List.of(adult(referral), notPregnant(referral), recognisedReason(referral.answers()));
    }

    private RuleEvaluation adult(Referral referral) {
        int age = referral.ageYears();
        Map<String, Object> data = Facts.of("BIRTH_DATE", referral.birthDate(), "REFERRAL_DATE",
                referral.referralDate(), "AGE", age);
        if (age >= eligibility.minAgeYears()) {
            return RuleEvaluation.of(ADULT_PATIENT, CriterionStatus.MET, Consequence.NONE, data, "Age " + age);
        }
        return RuleEvaluation.hold(ADULT_PATIENT, CriterionStatus.NOT_MET, data, "Patient aged " + age
                + " is under " + eligibility.minAgeYears() + " (adult service): practitioner to decide");
    }

    private RuleEvaluation notPregnant(Referral referral) {
        Pregnancy pregnant = referral.answers().pregnant();
        Map<String, Object> data = Facts.of("PREGNANT", pregnant, "SEX", referral.sex());
        switch (pregnant) {
            case Y:
            case POSSIBLE:
                return RuleEvaluation.hold(NOT_PREGNANT, CriterionStatus.NOT_MET, data, "Patient is "
                        + (pregnant == Pregnancy.Y ? "" : "possibly ") + "pregnant: never justified automatically,"
                        + " practitioner to decide");
            case N:
                return RuleEvaluation.of(NOT_PREGNANT, CriterionStatus.MET, Consequence.NONE, data, "Not pregnant");
            default:
                return RuleEvaluation.of(NOT_PREGNANT, CriterionStatus.UNKNOWN, Consequence.NONE, data,
                        "Pregnancy not stated: to be asked at the scan visit (IRMER)");
        }
    }

    private RuleEvaluation recognisedReason(ReferralAnswers answers) {
        List<String> unknown = answers.unknownReasonCodes();
        Map<String, Object> data = Facts.of("REFREASON", answers.reasons(), "UNKNOWN_CODES", unknown);
        if (answers.reasons().isEmpty()) {
            return RuleEvaluation.of(RECOGNISED_REASON, CriterionStatus.UNKNOWN, Consequence.NONE, data,
                    "No reason given");
        }
        if (unknown.isEmpty()) {
            return RuleEvaluation.of(RECOGNISED_REASON, CriterionStatus.MET, Consequence.NONE, data,
                    "All reasons are covered by the criteria");
        }
        if (answers.knownReasons().isEmpty()) {
            return RuleEvaluation.hold(RECOGNISED_REASON, CriterionStatus.NOT_MET, data, "Only reason code(s) unknown"
                    + " to the criteria given (" + String.join(", ", unknown) + "): practitioner to read the referral",
                    DecisionFlag.UNKNOWN_REASON_CODES);
        }
        // Mixed: the known reasons are evaluated; the resolver keeps the order held rather than
        // returned if nothing else is met, because the unknown code may be a valid reason.
        return RuleEvaluation.of(RECOGNISED_REASON, CriterionStatus.NOT_MET, Consequence.NONE, data,
                "Reason code(s) unknown to the criteria: " + String.join(", ", unknown)
                        + "; not evaluated, so if no criterion is met the referral is held for the practitioner to read",
                DecisionFlag.UNKNOWN_REASON_CODES);
    }
}
