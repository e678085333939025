package org.dxaflow.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.dxaflow.app.Json;
import org.dxaflow.clinical.Sex;
import org.dxaflow.justification.JustificationDecision;
import org.dxaflow.justification.JustificationGate;
import org.dxaflow.justification.Outcome;
import org.dxaflow.justification.Practitioner;
import org.dxaflow.justification.PractitionerDecision;
import org.dxaflow.justification.PractitionerReview;
import org.dxaflow.justification.Referral;
import org.dxaflow.justification.Referrer;
import org.dxaflow.justification.RuleSet;
import org.dxaflow.justification.RuleSetLoader;
import org.dxaflow.order.OrderStatus;
import org.dxaflow.order.ReferralAnswers;
import org.dxaflow.order.ReferralField;
import org.dxaflow.orderbook.OrderLifecycle;
import org.dxaflow.orderbook.StatusChange;
import org.junit.jupiter.api.Test;

/**
 * The stored decision (decision_json) reads back as the same decision, so a practitioner's review
 * applies to what the rules found; and what each outcome does to the order and tells the RIS.
 */
class DecisionRecordTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    private final RuleSet rules = new RuleSetLoader().load(Path.of("conf/justification"));
    private final ObjectMapper json = Json.newMapper();

    /** A woman of 66 on oral steroids: held (65 and over), VFA proposed. */
    private JustificationDecision held() {
        var raw = new java.util.EnumMap<ReferralField, List<String>>(ReferralField.class);
        raw.put(ReferralField.REFREASON, List.of("STEROIDS"));
        raw.put(ReferralField.STEROID_ROUTE, List.of("ORAL"));
        raw.put(ReferralField.STEROID_DOSE_MG, List.of("7.5"));
        raw.put(ReferralField.STEROID_DURATION_MONTHS, List.of("6"));
        raw.put(ReferralField.RECENT_NM_OR_CONTRAST_DATE, List.of("20261125"));
        Referral r = new Referral("ORD1", LocalDate.of(2026, 11, 27), LocalDate.of(1960, 1, 1), Sex.F,
                new Referrer("G1", "Dr A"), ReferralAnswers.of(raw));
        return new JustificationGate(rules, org.dxaflow.justification.TestReferrals.MENOPAUSE, CLOCK).evaluate(r);
    }

    @Test
    void aStoredDecisionReadsBackEqual() throws Exception {
        JustificationDecision d = held();

        JustificationDecision back = json.readValue(json.writeValueAsString(d), JustificationDecision.class);

        assertEquals(Outcome.NEEDS_REVIEW, back.outcome());
        assertEquals(d.ruleSetVersion(), back.ruleSetVersion());
        assertEquals(d.protocol(), back.protocol());
        assertEquals(d.flags(), back.flags());
        assertEquals(LocalDate.of(2026, 12, 2), back.earliestScanDate(), "25 Nov + 7 days");
        assertEquals(d.decidedBy(), back.decidedBy());
        assertEquals(d.decidedAt(), back.decidedAt());
        assertEquals(d.reasons(), back.reasons());
        assertEquals(json.writeValueAsString(d.criteria()), json.writeValueAsString(back.criteria()));
    }

    @Test
    void eachOutcomeMovesTheOrderToItsStatus() {
        OrderLifecycle lifecycle = new OrderLifecycle();
        java.util.function.Function<Outcome, Object> from = o ->
                lifecycle.on(OrderStatus.RECEIVED, DecisionApplier.eventFor(o)).orElseThrow();
        assertEquals(new OrderLifecycle.To(OrderStatus.SCHEDULED), from.apply(Outcome.JUSTIFIED));
        assertEquals(new OrderLifecycle.To(OrderStatus.AWAITING_JUSTIFICATION), from.apply(Outcome.NEEDS_REVIEW));
        assertEquals(new OrderLifecycle.To(OrderStatus.RETURNED), from.apply(Outcome.RETURNED));
        assertEquals(new OrderLifecycle.To(OrderStatus.REJECTED), from.apply(Outcome.REJECTED));
    }

    @Test
    void theRisIsToldThePractitionersCommentOnAReturnAndTheFindingsOnAHold() {
        JustificationDecision pending = held();
        JustificationDecision returned = new PractitionerReview(rules.protocol(), CLOCK).apply(pending,
                new PractitionerDecision(PractitionerDecision.Action.RETURN,
                        new Practitioner("P2", "Dr Ruth Bell", "Radiologist"), "Give the steroid start date", null));

        StatusChange.Reason hold = DecisionApplier.reasonFor(pending);
        StatusChange.Reason back = DecisionApplier.reasonFor(returned);

        assertEquals("HELD_FOR_REVIEW", hold.code());
        assertEquals("Held for review by an IRMER practitioner: " + String.join("; ", pending.reasons()), hold.text());
        assertEquals(new StatusChange.Reason("RETURNED", "Give the steroid start date"), back);
    }
}
