package org.dxaflow.justification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dxaflow.order.ReferralAnswers;
import org.dxaflow.order.ReferralReason;
import org.dxaflow.order.YesNo;

/**
 * The fail-safe of the written criteria (issue #8): a referral is returned automatically only when
 * nothing else in it could justify the scan. The ticked reason boxes are not the only evidence: a
 * referrer who ticks "steroids" for inhaled steroids and answers "fracture after 40: yes" has told
 * us of a fracture. So every criterion whose box was NOT ticked is still checked on the answers that
 * belong to it, and the answers no criterion covers are listed in one more check
 * ({@value #OTHER_CLINICAL_DETAILS}):
 * <ul>
 *   <li>the answers alone meet the criterion → the line is MET and JUSTIFIES (its note says which
 *       answer, and that it was not a ticked reason);</li>
 *   <li>the criterion's rule would hold them (not met, not known), or the answer is one the criteria
 *       cannot assess (free text, a previous DXA, osteoporosis treatment, height loss) → HOLD;</li>
 *   <li>the rule itself says "not an indication" (inhaled steroids without oral courses, NOGG green
 *       in an untreated patient) → no effect: only then can a referral still be returned.</li>
 * </ul>
 * Answers that are no risk factor (weight, height, menopause alone, pregnancy, special needs, a
 * recent contrast study) or that deny one (FRACTURE_AFTER_40 = N, OSTEO_TREATMENT = N) change
 * nothing. The criteria's own logic (ages, menopause, thresholds) is the rules' own: this class only
 * decides which rule to ask and what its answer means when the box was not ticked.
 */
final class UntickedAnswers {

    static final String OTHER_CLINICAL_DETAILS = "OTHER_CLINICAL_DETAILS";

    private static final String NOT_TICKED = "Not a ticked reason, but ";

    /**
     * The audit line of a criterion whose box was not ticked: the rule's evaluation of the answers
     * that belong to it, or "not a reason given" when the referral answers none of them.
     */
    RuleEvaluation evaluate(JustificationRule rule, Referral referral) {
        ReferralAnswers a = referral.answers();
        List<String> answered = switch (rule.reason()) {
            case FRACTURE -> fractureAnswers(a);
            case STEROIDS -> steroidAnswers(a);
            case DISEASE_MEDICATION -> a.conditions().isEmpty() ? List.of() : List.of("CONDITION = "
                    + String.join(", ", a.conditions()));
            case FRAX -> fraxAnswers(a);
            case FOLLOW_UP -> followUpAnswers(a);
            case RADIOLOGICAL_OSTEOPENIA -> List.of();   // the box is the only answer
        };
        if (answered.isEmpty()) {
            return RuleEvaluation.notApplicable(rule.reason().name(), Facts.of("REFREASON", a.reasons()));
        }
        String which = String.join(", ", answered);
        if (rule.reason() == ReferralReason.FRACTURE && a.fractureAfter40() != YesNo.Y) {
            // only FRACTURE_DETAILS: free text about a fracture the criterion cannot place (before 40? when?)
            return RuleEvaluation.hold(rule.reason().name(), CriterionStatus.UNKNOWN, Facts.of("FRACTURE_AFTER_40",
                    a.fractureAfter40(), "FRACTURE_DETAILS", a.fractureDetails(), "SEX", referral.sex(), "AGE",
                    referral.ageYears()), NOT_TICKED + "fracture details are given (" + which + "), which the criteria"
                    + " cannot assess: practitioner to read them");
        }
        RuleEvaluation ruled = rule.evaluate(referral);
        if (rule.reason() == ReferralReason.FOLLOW_UP) {
            // the box states the purpose (assess change in BMD); a previous scan alone does not, even if long ago
            return RuleEvaluation.hold(rule.reason().name(), CriterionStatus.UNKNOWN, ruled.result().data(),
                    NOT_TICKED + "a previous DXA is stated (" + which + "): whether a repeat scan is indicated is"
                            + " for a practitioner. " + ruled.result().note());
        }
        return asUnticked(ruled, which);
    }

    /**
     * Answers that could justify a scan but that no criterion covers: free-text clinical details
     * (OBR-13), current or previous osteoporosis treatment, historical height loss.
     */
    RuleEvaluation otherClinicalDetails(Referral referral) {
        ReferralAnswers a = referral.answers();
        Map<String, Object> data = Facts.of("CLINICAL_DETAILS", referral.clinicalDetails(), "OSTEO_TREATMENT",
                a.osteoTreatment(), "HEIGHT_LOSS_CM", a.heightLossCm());
        List<String> found = new ArrayList<>();
        if (!referral.clinicalDetails().isBlank()) {
            found.add("clinical details given in free text");
        }
        if (a.osteoTreatment() == YesNo.Y) {
            found.add("current or previous osteoporosis treatment (OSTEO_TREATMENT = Y)");
        }
        a.heightLossCm().filter(h -> h.signum() > 0).ifPresent(h -> found.add("historical height loss of "
                + h.toPlainString() + " cm (HEIGHT_LOSS_CM), a sign of vertebral fracture"));
        if (found.isEmpty()) {
            return new RuleEvaluation(new CriterionResult(OTHER_CLINICAL_DETAILS, false, CriterionStatus.NOT_MET, data,
                    "No other clinical details (free text, osteoporosis treatment, height loss) given"),
                    Consequence.NONE, Set.of());
        }
        return RuleEvaluation.hold(OTHER_CLINICAL_DETAILS, CriterionStatus.UNKNOWN, data, "Answers the criteria cannot"
                + " assess but that could justify a scan: " + String.join("; ", found)
                + ". The referral is not returned automatically: practitioner to assess");
    }

    /** What a rule's result means when its box was not ticked (see the class comment). */
    private static RuleEvaluation asUnticked(RuleEvaluation ruled, String which) {
        CriterionResult r = ruled.result();
        DecisionFlag[] flags = ruled.flags().toArray(new DecisionFlag[0]);
        return switch (ruled.consequence()) {
            case JUSTIFY -> RuleEvaluation.met(r.criterion(), r.data(), NOT_TICKED + "the answers alone meet it ("
                    + which + "): " + r.note(), flags);
            case HOLD -> RuleEvaluation.hold(r.criterion(), r.status(), r.data(), NOT_TICKED + "answered (" + which
                    + "), so the referral is not returned automatically: " + r.note(), flags);
            case RETURN, NONE -> RuleEvaluation.of(r.criterion(), r.status(), Consequence.NONE, r.data(),
                    "Not a ticked reason; answered (" + which + "): " + r.note(), flags);
        };
    }

    /** FRACTURE_AFTER_40 = Y, or fracture details in free text; "N" or not stated is no positive answer. */
    private static List<String> fractureAnswers(ReferralAnswers a) {
        List<String> out = new ArrayList<>();
        if (a.fractureAfter40() == YesNo.Y) {
            out.add("FRACTURE_AFTER_40 = Y");
        }
        if (!a.fractureDetails().isBlank()) {
            out.add("FRACTURE_DETAILS in free text");
        }
        return out;
    }

    /** Any steroid answer except "no oral courses" on its own. */
    private static List<String> steroidAnswers(ReferralAnswers a) {
        List<String> out = new ArrayList<>();
        a.steroidRoute().ifPresent(r -> out.add("STEROID_ROUTE = " + r));
        if (a.steroidOralCourses() == YesNo.Y || (!out.isEmpty() && a.steroidOralCourses() == YesNo.N)) {
            out.add("STEROID_ORAL_COURSES = " + a.steroidOralCourses());
        }
        a.steroidDoseMg().ifPresent(d -> out.add("STEROID_DOSE_MG = " + d.toPlainString()));
        a.steroidDurationMonths().ifPresent(d -> out.add("STEROID_DURATION_MONTHS = " + d.toPlainString()));
        return out;
    }

    /** A NOGG zone or a FRAX probability; OSTEO_TREATMENT alone is {@link #otherClinicalDetails}' business. */
    private static List<String> fraxAnswers(ReferralAnswers a) {
        List<String> out = new ArrayList<>();
        a.noggZone().ifPresent(z -> out.add("NOGG_ZONE = " + z));
        a.fraxMof().ifPresent(p -> out.add("FRAX_MOF = " + p.toPlainString()));
        a.fraxHip().ifPresent(p -> out.add("FRAX_HIP = " + p.toPlainString()));
        if (!out.isEmpty()) {
            out.add(a.osteoTreatment() == YesNo.U ? "OSTEO_TREATMENT not stated" : "OSTEO_TREATMENT = " + a.osteoTreatment());
        }
        return out;
    }

    private static List<String> followUpAnswers(ReferralAnswers a) {
        List<String> out = new ArrayList<>();
        a.previousDxaDate().ifPresent(d -> out.add("PREVIOUS_DXA_DATE = " + d));
        if (!a.previousDxaSite().isBlank()) {
            out.add("PREVIOUS_DXA_SITE given");
        }
        return out;
    }
}
