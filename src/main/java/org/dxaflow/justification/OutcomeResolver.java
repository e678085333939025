package org.dxaflow.justification;

import java.util.List;

/**
 * Combines the checks by the precedence documented in rules.yaml:
 * <ol>
 *   <li>RETURNED if a gate-1 (referral administration) check returns;</li>
 *   <li>NEEDS_REVIEW if a gate-2 (safety) check holds, even when a criterion is met;</li>
 *   <li>JUSTIFIED if any clinical criterion is met, on a ticked reason or on answers alone (other,
 *       unmet reasons and answers do not count against it);</li>
 *   <li>NEEDS_REVIEW if any given reason is held, any other answer could justify the scan
 *       ({@link UntickedAnswers}), or unknown reason codes were given;</li>
 *   <li>RETURNED only if every given reason, and every answered risk factor, is "not an
 *       indication" per the written criteria.</li>
 * </ol>
 * Only a ticked reason can RETURN: an answer whose box was not ticked is at most "no effect".
 * The engine never produces REJECTED: rejection is a practitioner's clinical judgement.
 */
final class OutcomeResolver {

    Outcome resolve(List<RuleEvaluation> administration, List<RuleEvaluation> safety,
                    List<RuleEvaluation> clinical, boolean unknownReasonCodes) {
        if (any(administration, Consequence.RETURN)) {
            return Outcome.RETURNED;
        }
        if (any(safety, Consequence.HOLD)) {
            return Outcome.NEEDS_REVIEW;
        }
        if (any(clinical, Consequence.JUSTIFY)) {
            return Outcome.JUSTIFIED;
        }
        if (any(clinical, Consequence.HOLD) || unknownReasonCodes) {
            return Outcome.NEEDS_REVIEW;
        }
        if (any(clinical, Consequence.RETURN)) {
            return Outcome.RETURNED;
        }
        // Unreachable with the gate-1/gate-2 checks in place; holding is the safe default.
        return Outcome.NEEDS_REVIEW;
    }

    private static boolean any(List<RuleEvaluation> evaluations, Consequence consequence) {
        return evaluations.stream().anyMatch(e -> e.consequence() == consequence);
    }
}
