package org.dxaflow.justification;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.dxaflow.clinical.Sex;

import static org.dxaflow.order.ReferralField.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PractitionerReviewTest {

    private static final RuleSet RULES = TestReferrals.shippedRules();
    private static final JustificationGate GATE = new JustificationGate(RULES, TestReferrals.MENOPAUSE, TestReferrals.CLOCK);
    private static final Clock LATER = Clock.fixed(Instant.parse("2025-06-03T14:30:00Z"), ZoneOffset.UTC);
    private static final PractitionerReview REVIEW = new PractitionerReview(RULES.protocol(), LATER);
    private static final Practitioner DR_REVIEWER = new Practitioner("PRAC-0002", "Dr R Reviewer", "Consultant radiologist");

    /** Man of 65 on long-term oral steroids: held (prophylaxis without BMD may be considered). */
    private static final JustificationDecision HELD = GATE.evaluate(TestReferrals.referral(Sex.M, 65,
            TestReferrals.REFERRER, REFREASON, "STEROIDS", STEROID_ROUTE, "ORAL", STEROID_DOSE_MG, "20",
            STEROID_DURATION_MONTHS, "6"));

    @Test
    void practitionerJustifiesAHeldOrder() {
        assertEquals(Outcome.NEEDS_REVIEW, HELD.outcome());

        JustificationDecision d = REVIEW.apply(HELD, new PractitionerDecision(PractitionerDecision.Action.JUSTIFY,
                DR_REVIEWER, "BMD will change management", List.of()));

        assertEquals(Outcome.JUSTIFIED, d.outcome());
        assertEquals(DecidedBy.Mode.PRACTITIONER, d.decidedBy().mode());
        assertEquals(DR_REVIEWER, d.decidedBy().practitioner());
        assertEquals(Instant.parse("2025-06-03T14:30:00Z"), d.decidedAt());
        assertEquals(HELD.protocol(), d.protocol(), "proposed protocol kept");
        assertEquals(HELD.criteria(), d.criteria(), "the rules' findings stay in the audit record");
        assertEquals(HELD.ruleSetVersion(), d.ruleSetVersion());
        assertEquals("BMD will change management", d.comment());
        assertTrue(d.reasons().get(d.reasons().size() - 1).startsWith("PRACTITIONER: JUSTIFY by Dr R Reviewer"));
    }

    @Test
    void protocolOverrideReplacesTheProposal() {
        JustificationDecision d = REVIEW.apply(HELD, new PractitionerDecision(PractitionerDecision.Action.JUSTIFY,
                DR_REVIEWER, "", List.of("HIP", "FOREARM")));

        assertEquals(List.of("HIP", "FOREARM"), d.protocolCodeValues());
        assertEquals("99DXAFLOW", d.protocol().get(0).codingSchemeDesignator());
        assertFalse(d.flags().contains(DecisionFlag.VFA_CONDITIONAL_ON_T_SCORE), "no VFA planned any more");
    }

    @Test
    void unknownProtocolCodeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> REVIEW.apply(HELD, new PractitionerDecision(
                PractitionerDecision.Action.JUSTIFY, DR_REVIEWER, "", List.of("KNEE"))));
    }

    @Test
    void rejectAndReturnNeedAComment() {
        assertThrows(IllegalArgumentException.class, () -> REVIEW.apply(HELD, new PractitionerDecision(
                PractitionerDecision.Action.REJECT, DR_REVIEWER, " ", List.of())));

        JustificationDecision d = REVIEW.apply(HELD, new PractitionerDecision(PractitionerDecision.Action.REJECT,
                DR_REVIEWER, "Start bone protection without BMD (age 65+)", List.of()));

        assertEquals(Outcome.REJECTED, d.outcome());
        assertTrue(d.protocol().isEmpty());
        assertEquals(null, d.earliestScanDate());
    }

    @Test
    void practitionerReturnsAHeldOrder() {
        JustificationDecision d = REVIEW.apply(HELD, new PractitionerDecision(PractitionerDecision.Action.RETURN,
                DR_REVIEWER, "Please state the indication", List.of()));

        assertEquals(Outcome.RETURNED, d.outcome());
    }

    @Test
    void finalDecisionIsNeverOverwritten() {
        JustificationDecision justified = GATE.evaluate(TestReferrals.referral(Sex.M, 45, TestReferrals.REFERRER,
                REFREASON, "RADIOLOGICAL_OSTEOPENIA"));
        JustificationDecision returned = GATE.evaluate(TestReferrals.referral(Sex.M, 45, Referrer.NONE,
                REFREASON, "RADIOLOGICAL_OSTEOPENIA"));
        JustificationDecision reviewed = REVIEW.apply(HELD, new PractitionerDecision(
                PractitionerDecision.Action.JUSTIFY, DR_REVIEWER, "", List.of()));
        PractitionerDecision reject = new PractitionerDecision(PractitionerDecision.Action.REJECT, DR_REVIEWER,
                "no", List.of());

        for (JustificationDecision finalDecision : List.of(justified, returned, reviewed)) {
            DecisionAlreadyFinalException e = assertThrows(DecisionAlreadyFinalException.class,
                    () -> REVIEW.apply(finalDecision, reject));
            assertEquals(finalDecision.outcome(), e.currentOutcome());
            assertEquals(finalDecision.referralId(), e.referralId());
        }
    }

    /** Man of 45 with osteopenia on a radiograph: justified under the written criteria (AUTO). */
    private static final JustificationDecision AUTO_JUSTIFIED = GATE.evaluate(TestReferrals.referral(Sex.M, 45,
            TestReferrals.REFERRER, REFREASON, "RADIOLOGICAL_OSTEOPENIA"));

    @Test
    void anAutoJustificationCanBeTakenBackByReturnOrRejectAndSaysSo() {
        assertEquals(Outcome.JUSTIFIED, AUTO_JUSTIFIED.outcome());

        JustificationDecision d = REVIEW.takeBack(AUTO_JUSTIFIED, new PractitionerDecision(
                PractitionerDecision.Action.RETURN, DR_REVIEWER, "Osteopenia was on a CT scout: please confirm", List.of()));

        assertEquals(Outcome.RETURNED, d.outcome());
        assertEquals(DecidedBy.Mode.PRACTITIONER, d.decidedBy().mode());
        assertTrue(d.protocol().isEmpty());
        String last = d.reasons().get(d.reasons().size() - 1);
        assertTrue(last.startsWith("PRACTITIONER: RETURN by Dr R Reviewer"), last);
        assertTrue(last.contains("overrides the JUSTIFIED decision (AUTO, " + AUTO_JUSTIFIED.decidedAt()
                + "): taken back before the scan"), last);
        assertEquals(AUTO_JUSTIFIED.criteria(), d.criteria(), "the rules' findings stay in the record");
    }

    @Test
    void onlyAnAutoJustificationIsTakenBackAndNeverByJustifyingIt() {
        PractitionerDecision reject = new PractitionerDecision(PractitionerDecision.Action.REJECT, DR_REVIEWER,
                "Not indicated", List.of());
        JustificationDecision byPractitioner = REVIEW.apply(HELD, new PractitionerDecision(
                PractitionerDecision.Action.JUSTIFY, DR_REVIEWER, "", List.of()));

        assertThrows(DecisionAlreadyFinalException.class, () -> REVIEW.takeBack(byPractitioner, reject));
        assertThrows(DecisionAlreadyFinalException.class, () -> REVIEW.takeBack(AUTO_JUSTIFIED,
                new PractitionerDecision(PractitionerDecision.Action.JUSTIFY, DR_REVIEWER, "", List.of())));
        assertThrows(DecisionAlreadyFinalException.class, () -> REVIEW.takeBack(HELD, reject));
    }
}
