package org.dxaflow.justification;

import java.util.List;
import java.util.Map;
import org.dxaflow.order.ReferralAnswers;

/**
 * Gate 1, IRMER referral duties (seed "Referral"): the referrer must be identifiable and entitled,
 * and give a reason. Appendix 2: "referrals which do not give a valid reason for referral or without
 * a signature will be returned for clarification/completion". Failures RETURN the referral.
 */
final class ReferralAdministrationChecks {

    static final String REFERRER_IDENTIFIED = "REFERRER_IDENTIFIED";
    static final String REFERRER_ENTITLED = "REFERRER_ENTITLED";
    static final String REASON_GIVEN = "REASON_GIVEN";

    private final ReferrerRegistry registry;

    ReferralAdministrationChecks(ReferrerRegistry registry) {
        this.registry = registry;
    }

    List<RuleEvaluation> evaluate(Referral referral) {
        return List.of(identified(referral.referrer()), entitled(referral.referrer()), reasonGiven(referral.answers()));
    }

    private RuleEvaluation identified(Referrer referrer) {
        Map<String, Object> data = Facts.of("REFERRER_ID", referrer.id(), "REFERRER_NAME", referrer.name());
        if (referrer.isIdentified()) {
            return RuleEvaluation.of(REFERRER_IDENTIFIED, CriterionStatus.MET, Consequence.NONE, data,
                    "Referrer: " + referrer);
        }
        return RuleEvaluation.returned(REFERRER_IDENTIFIED, data, "Referrer not identified: the referral is"
                + " unsigned (no referrer id or name); unsigned referrals are returned for clarification");
    }

    private RuleEvaluation entitled(Referrer referrer) {
        Map<String, Object> data = Facts.of("REFERRER_ID", referrer.id(), "LISTED_REFERRERS", registry.referrers().size());
        if (!referrer.isIdentified()) {
            // already returned by REFERRER_IDENTIFIED; saying it twice would not help the referrer
            return RuleEvaluation.of(REFERRER_ENTITLED, CriterionStatus.UNKNOWN, Consequence.NONE, data,
                    "Referrer not identified");
        }
        if (registry.acceptsAnyReferrer()) {
            return RuleEvaluation.of(REFERRER_ENTITLED, CriterionStatus.MET, Consequence.NONE, data,
                    "No list of entitled referrers configured: any identified referrer accepted");
        }
        if (referrer.id().isEmpty()) {
            return RuleEvaluation.returned(REFERRER_ENTITLED, data, "Referrer " + referrer
                    + " has no identifier: entitlement cannot be checked against the list of entitled referrers");
        }
        if (registry.isListed(referrer)) {
            return RuleEvaluation.of(REFERRER_ENTITLED, CriterionStatus.MET, Consequence.NONE, data,
                    "Referrer " + referrer + " is on the list of entitled referrers");
        }
        return RuleEvaluation.returned(REFERRER_ENTITLED, data, "Referrer " + referrer
                + " is not on the list of entitled referrers");
    }

    private RuleEvaluation reasonGiven(ReferralAnswers answers) {
        Map<String, Object> data = Facts.of("REFREASON", answers.reasons());
        if (answers.reasons().isEmpty()) {
            return RuleEvaluation.returned(REASON_GIVEN, data, "No reason for referral given (REFREASON is empty);"
                    + " referrals which do not give a valid reason are returned for clarification");
        }
        return RuleEvaluation.of(REASON_GIVEN, CriterionStatus.MET, Consequence.NONE, data,
                "Reason(s) for referral: " + String.join(", ", answers.reasons()));
    }
}
