package org.dxaflow.justification;

import org.dxaflow.order.ReferralReason;

/**
 * One clinical criterion of the referral guidelines (seed Appendix 2), tied to one reason box.
 * It is evaluated when its reason was given, and also when it was not but the referral answers
 * questions that belong to it ({@link UntickedAnswers} decides what the result then means). It
 * never rejects: an unmet criterion holds the order for a practitioner, except where the written
 * criteria themselves say "not an indication".
 */
public interface JustificationRule {

    ReferralReason reason();

    RuleEvaluation evaluate(Referral referral);
}
