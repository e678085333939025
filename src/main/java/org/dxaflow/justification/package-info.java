/**
 * IRMER justification gate for DXA referrals: the practitioner's written criteria applied to a
 * referral, producing an auditable decision.
 *
 * <pre>{@code
 * RuleSet rules = new RuleSetLoader().load(Path.of("conf/justification"));   // rules.yaml + referrers.yaml
 * JustificationGate gate = new JustificationGate(rules, menopausalStatusRule, Clock.systemUTC());
 *
 * ReferralQuestionMapping mapping = ReferralQuestionMapping.load(Path.of("mappings/hl7/referral-questions.yaml"));
 * MappedAnswers mapped = mapping.map(observations);                  // OBX-3/OBX-5 -> canonical fields
 * ReferralAnswers answers = new ReferralAnswersParser().parse(mapped.fields());
 * Referral referral = new Referral(placerOrderNumber, referralDate, birthDate, Sex.fromHl7(pid8),
 *         new Referrer(id, name), answers);
 *
 * JustificationDecision decision = gate.evaluate(referral);          // JUSTIFIED / NEEDS_REVIEW / RETURNED
 * JustificationDecision reviewed = new PractitionerReview(rules.protocol(), clock)
 *         .apply(decision, practitionerDecision);                    // DecisionAlreadyFinalException if final
 * }</pre>
 *
 * Configuration problems are reported as {@link org.dxaflow.conf.ConfException}
 * with one {@code file:line:column: message} per problem.
 */
package org.dxaflow.justification;
