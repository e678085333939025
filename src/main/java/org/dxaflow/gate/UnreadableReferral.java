package org.dxaflow.gate;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.dxaflow.justification.CriterionResult;
import org.dxaflow.justification.CriterionStatus;
import org.dxaflow.justification.DecidedBy;
import org.dxaflow.justification.DecisionFlag;
import org.dxaflow.justification.JustificationDecision;
import org.dxaflow.justification.Outcome;
import org.dxaflow.justification.RuleSet;

/**
 * The decision for a referral the gate cannot read (an answer of the wrong type, no birth date):
 * held for a practitioner, with no protocol proposed so that justifying it means choosing one.
 * The engine never returns or rejects on its own what it could not read.
 */
final class UnreadableReferral {

    static final String CRITERION = "REFERRAL_READABLE";

    private UnreadableReferral() {
    }

    static JustificationDecision decision(RuleSet rules, String referralId, List<String> problems, Instant now) {
        CriterionResult readable = new CriterionResult(CRITERION, true, CriterionStatus.NOT_MET,
                Map.of("PROBLEMS", problems), "The referral could not be read; a practitioner must review it");
        return new JustificationDecision(referralId, Outcome.NEEDS_REVIEW, rules.version(), List.of(readable),
                List.of(CRITERION + ": " + String.join("; ", problems)), List.of(),
                EnumSet.noneOf(DecisionFlag.class), null, DecidedBy.auto(rules.delegation()), now, "");
    }
}
