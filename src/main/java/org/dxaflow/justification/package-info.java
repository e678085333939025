/**
 * IRMER justification gate for DXA referrals: the practitioner's written criteria applied to a
 * referral, producing an auditable decision.
 *
 * <pre>{@code
 * RuleSet rules = new RuleSetLoader().load(Path.of("conf/justification"));   // rules.yaml + referrers.yaml
 * JustificationGate gate = new JustificationGate(rules, menopausalStatusRule, Clock.systemUTC());
 *
 * ReferralQuestionMapping mapping = ReferralQuestionMapping.load(Path.of("mappings/hl7/referral-questions.yaml"));
 * ReferralAnswers answers = ReferralAnswers.read(order.answers(), mapping);   // OBX -> typed answers
 * // answers.unreadable() not empty: the gate package holds the referral for a practitioner instead
 * Referral referral = new Referral(placerOrderNumber, referralDate, birthDate, patient.sex(),
 *         new Referrer(id, name), answers);
 *
 * JustificationDecision decision = gate.evaluate(referral);          // JUSTIFIED / NEEDS_REVIEW / RETURNED
 * JustificationDecision reviewed = new PractitionerReview(rules.protocol(), clock)
 *         .apply(decision, practitionerDecision);                    // DecisionAlreadyFinalException if final
 * }</pre>
 *
 * The referral's values (the answers, {@link org.dxaflow.order.ReferralAnswers}, and the patient's
 * {@link org.dxaflow.clinical.Sex}) are the order's and the clinical package's: this package applies
 * criteria to them and depends on nothing else of the engine.
 *
 * Configuration problems are reported as {@link org.dxaflow.conf.ConfException}
 * with one {@code file:line:column: message} per problem.
 */
package org.dxaflow.justification;
