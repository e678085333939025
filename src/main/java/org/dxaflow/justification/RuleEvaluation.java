package org.dxaflow.justification;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A check's audit line plus what it means for the outcome and any flags it raises. */
public record RuleEvaluation(CriterionResult result, Consequence consequence, Set<DecisionFlag> flags) {

    public RuleEvaluation {
        flags = Collections.unmodifiableSet(flags.isEmpty() ? EnumSet.noneOf(DecisionFlag.class) : EnumSet.copyOf(flags));
    }

    static RuleEvaluation of(String criterion, CriterionStatus status, Consequence consequence,
                             Map<String, Object> data, String note, DecisionFlag... flags) {
        Set<DecisionFlag> set = EnumSet.noneOf(DecisionFlag.class);
        Collections.addAll(set, flags);
        return new RuleEvaluation(new CriterionResult(criterion, true, status, data, note), consequence, set);
    }

    static RuleEvaluation met(String criterion, Map<String, Object> data, String note, DecisionFlag... flags) {
        return of(criterion, CriterionStatus.MET, Consequence.JUSTIFY, data, note, flags);
    }

    static RuleEvaluation hold(String criterion, CriterionStatus status, Map<String, Object> data, String note,
                               DecisionFlag... flags) {
        return of(criterion, status, Consequence.HOLD, data, note, flags);
    }

    static RuleEvaluation returned(String criterion, Map<String, Object> data, String note) {
        return of(criterion, CriterionStatus.NOT_MET, Consequence.RETURN, data, note);
    }

    /** The audit line of a clinical criterion whose reason box was not ticked and whose questions were not answered. */
    static RuleEvaluation notApplicable(String criterion, Map<String, Object> data) {
        return new RuleEvaluation(new CriterionResult(criterion, false, CriterionStatus.NOT_MET, data,
                "Not a reason given on this referral"), Consequence.NONE, Set.of());
    }
}
