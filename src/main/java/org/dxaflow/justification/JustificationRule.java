package org.dxaflow.justification;

/**
 * One clinical criterion of the referral guidelines (seed Appendix 2), tied to one reason box.
 * It is evaluated only when its reason was given; it never rejects: an unmet criterion holds the
 * order for a practitioner, except where the written criteria themselves say "not an indication".
 */
public interface JustificationRule {

    ReferralReason reason();

    RuleEvaluation evaluate(Referral referral);
}
