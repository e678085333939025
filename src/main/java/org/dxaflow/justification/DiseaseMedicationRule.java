package org.dxaflow.justification;

import java.util.List;
import java.util.Map;
import org.dxaflow.order.ReferralReason;

/**
 * Appendix 2 item 4: disease or medication associated with bone loss. The list is in rules.yaml
 * (the seed says "examples include", so the list is local policy); anything else is held, not refused.
 */
final class DiseaseMedicationRule implements JustificationRule {

    private static final String NAME = ReferralReason.DISEASE_MEDICATION.name();
    private final RuleSet.DiseaseMedication rules;

    DiseaseMedicationRule(RuleSet.DiseaseMedication rules) {
        this.rules = rules;
    }

    @Override
    public ReferralReason reason() {
        return ReferralReason.DISEASE_MEDICATION;
    }

    @Override
    public RuleEvaluation evaluate(Referral referral) {
        List<String> given = referral.answers().conditions();
        List<String> listed = given.stream().filter(rules.conditions()::contains).toList();
        List<String> unlisted = given.stream().filter(c -> !rules.conditions().contains(c)).toList();
        Map<String, Object> data = Facts.of("CONDITION", given);

        if (!listed.isEmpty()) {
            return RuleEvaluation.met(NAME, data, "Condition/medication associated with bone loss: "
                    + String.join(", ", listed)
                    + (unlisted.isEmpty() ? "" : " (also given, not in the list: " + String.join(", ", unlisted) + ")"));
        }
        if (given.isEmpty()) {
            return RuleEvaluation.hold(NAME, CriterionStatus.UNKNOWN, data, "No condition or medication stated");
        }
        return RuleEvaluation.hold(NAME, CriterionStatus.NOT_MET, data, "Condition(s) " + String.join(", ", unlisted)
                + " not in the list of conditions associated with bone loss; practitioner to assess");
    }
}
