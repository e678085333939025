/**
 * The justification gate wired into the engine: a new order becomes a {@code Referral}
 * ({@link org.dxaflow.gate.ReferralAssembler}), is decided once under the written criteria
 * ({@link org.dxaflow.gate.AutoJustification}, route {@code routes/justification.camel.yaml}) or by a
 * practitioner ({@link org.dxaflow.gate.PractitionerJustification}), and
 * {@link org.dxaflow.gate.DecisionApplier} stores the decision (insert-only,
 * {@link org.dxaflow.gate.DecisionStore}) and moves the order on. The rules themselves are in
 * {@link org.dxaflow.justification}.
 */
package org.dxaflow.gate;
