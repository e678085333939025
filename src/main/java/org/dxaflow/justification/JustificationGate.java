package org.dxaflow.justification;

import java.time.Clock;
import org.dxaflow.clinical.MenopausalStatusRule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The justification gate: applies the practitioner's written criteria ({@link RuleSet}) to a
 * {@link Referral} and returns the decision, made AUTO under the configured delegation. Stateless
 * and thread-safe; build one per loaded rule set.
 */
public final class JustificationGate {

    private final RuleSet rules;
    private final Clock clock;
    private final ReferralAdministrationChecks administration;
    private final SafetyHoldChecks safety;
    private final List<JustificationRule> criteria;
    private final UntickedAnswers unticked = new UntickedAnswers();
    private final OutcomeResolver resolver = new OutcomeResolver();
    private final ProtocolPlanner planner;

    /** @param menopausalStatus the pathway's one rule for an unstated menopausal status (shared with densitometry) */
    public JustificationGate(RuleSet rules, MenopausalStatusRule menopausalStatus, Clock clock) {
        this.rules = rules;
        this.clock = clock;
        this.administration = new ReferralAdministrationChecks(rules.referrers());
        this.safety = new SafetyHoldChecks(rules.eligibility());
        this.criteria = List.of(
                new FractureRule(rules.fracture(), menopausalStatus),
                new SteroidRule(rules.steroids(), rules.delegation().thresholdReadings()),
                new RadiologicalOsteopeniaRule(),
                new DiseaseMedicationRule(rules.diseaseMedication()),
                new FraxRule(rules.frax()),
                new FollowUpRule(rules.followUp()));
        this.planner = new ProtocolPlanner(rules.protocol(), rules.steroids(), rules.delegation().thresholdReadings());
    }

    /** The rules this gate applies: an unreadable referral is answered under the same version. */
    public RuleSet rules() {
        return rules;
    }

    public JustificationDecision evaluate(Referral referral) {
        List<RuleEvaluation> admin = administration.evaluate(referral);
        List<RuleEvaluation> holds = safety.evaluate(referral);
        // every criterion: on its ticked box, or else on the answers that belong to it (fail-safe, UntickedAnswers)
        List<RuleEvaluation> clinical = new ArrayList<>();
        for (JustificationRule rule : criteria) {
            clinical.add(referral.answers().hasReason(rule.reason())
                    ? rule.evaluate(referral)
                    : unticked.evaluate(rule, referral));
        }
        clinical.add(unticked.otherClinicalDetails(referral));
        boolean unknownCodes = !referral.answers().unknownReasonCodes().isEmpty();
        Outcome outcome = resolver.resolve(admin, holds, clinical, unknownCodes);

        List<RuleEvaluation> all = Stream.of(admin, holds, clinical).flatMap(List::stream).toList();
        Set<DecisionFlag> flags = EnumSet.noneOf(DecisionFlag.class);
        all.forEach(e -> flags.addAll(e.flags()));
        List<String> reasons = reasons(outcome, admin, holds, clinical);

        ProtocolPlan plan = outcome == Outcome.RETURNED ? null : planner.plan(referral);
        if (plan != null) {
            flags.addAll(plan.flags());
            reasons.addAll(plan.notes());
        }
        return new JustificationDecision(referral.referralId(), outcome, rules.version(),
                all.stream().map(RuleEvaluation::result).toList(), reasons,
                plan == null ? List.of() : plan.codes(), flags, plan == null ? null : plan.earliestScanDate(),
                DecidedBy.auto(rules.delegation()), clock.instant(), "");
    }

    /** Decisive checks first, then the other given reasons, so the reader sees why before what else. */
    private static List<String> reasons(Outcome outcome, List<RuleEvaluation> admin, List<RuleEvaluation> holds,
                                        List<RuleEvaluation> clinical) {
        List<String> reasons = new ArrayList<>();
        if (outcome == Outcome.RETURNED && admin.stream().anyMatch(e -> e.consequence() == Consequence.RETURN)) {
            admin.stream().filter(e -> e.consequence() == Consequence.RETURN).forEach(e -> reasons.add(line(e)));
            return reasons;
        }
        holds.stream().filter(e -> e.consequence() == Consequence.HOLD || !e.flags().isEmpty())
                .forEach(e -> reasons.add(line(e)));
        Consequence decisive = switch (outcome) {
            case JUSTIFIED -> Consequence.JUSTIFY;
            case RETURNED -> Consequence.RETURN;
            default -> Consequence.HOLD;
        };
        clinical.stream().filter(e -> e.consequence() == decisive).forEach(e -> reasons.add(line(e)));
        clinical.stream().filter(e -> e.result().applicable() && e.consequence() != decisive)
                .forEach(e -> reasons.add(line(e)));
        if (outcome == Outcome.RETURNED) {
            // the seed: inhaled steroids are not an indication "without ... other risk factors"
            reasons.add("RETURNED: every reason and every risk factor answered on this referral is not an indication"
                    + " for a BMD scan per the written criteria; refer again giving any other risk factors");
        }
        return reasons;
    }

    private static String line(RuleEvaluation e) {
        return e.result().criterion() + ": " + e.result().note();
    }
}
