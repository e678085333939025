package org.dxaflow.justification;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;
import org.dxaflow.clinical.Sex;
import org.dxaflow.order.YesNo;

import static org.dxaflow.order.ReferralField.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #8: a referral is returned automatically only when nothing else in it could justify the
 * scan. The worked cases are samples/hl7/referrals 71-87; these pin down the parts a case file
 * cannot show (audit line details, free text kept out of the reasons, what never changes).
 */
class FailSafeTest {

    private static final JustificationGate GATE = new JustificationGate(TestReferrals.shippedRules(), TestReferrals.MENOPAUSE, TestReferrals.CLOCK);
    private static final Object[] INHALED_ONLY = {REFREASON, "STEROIDS", STEROID_ROUTE, "INHALED", STEROID_ORAL_COURSES, "N"};

    private static Referral inhaledOnlyPlus(Sex sex, int age, Object... more) {
        Object[] all = new Object[INHALED_ONLY.length + more.length];
        System.arraycopy(INHALED_ONLY, 0, all, 0, INHALED_ONLY.length);
        System.arraycopy(more, 0, all, INHALED_ONLY.length, more.length);
        return TestReferrals.referral(sex, age, TestReferrals.REFERRER, all);
    }

    private static Referral withClinicalDetails(Referral r, String text) {
        return new Referral(r.referralId(), r.referralDate(), r.birthDate(), r.sex(), r.referrer(), r.answers(), text);
    }

    @Test
    void inhaledOnlyWithNothingElseAnsweredIsStillReturnedAndSaysWhatWasChecked() {
        JustificationDecision d = GATE.evaluate(inhaledOnlyPlus(Sex.F, 50));

        assertEquals(Outcome.RETURNED, d.outcome());
        assertTrue(d.reasons().get(d.reasons().size() - 1).contains("every risk factor answered on this referral is not"
                + " an indication"), d.reasons().toString());
        CriterionResult fracture = d.criterion("FRACTURE").orElseThrow();
        assertFalse(fracture.applicable(), "no fracture question answered");
        assertEquals("Not a reason given on this referral", fracture.note());
        assertFalse(d.criterion(UntickedAnswers.OTHER_CLINICAL_DETAILS).orElseThrow().applicable());
    }

    @Test
    void anAnswerOutsideTheTickedReasonsIsCheckedAndSaysSo() {
        JustificationDecision d = GATE.evaluate(inhaledOnlyPlus(Sex.F, 60, FRACTURE_AFTER_40, "Y", MENOPAUSE, "Y"));

        assertEquals(Outcome.JUSTIFIED, d.outcome());
        CriterionResult fracture = d.criterion("FRACTURE").orElseThrow();
        assertTrue(fracture.applicable(), "answered, so the criterion applied");
        assertEquals(CriterionStatus.MET, fracture.status());
        assertTrue(fracture.note().startsWith("Not a ticked reason, but the answers alone meet it (FRACTURE_AFTER_40 = Y)"),
                fracture.note());
        assertEquals(YesNo.Y, fracture.data().get("FRACTURE_AFTER_40"));
        assertTrue(d.reasons().get(0).startsWith("FRACTURE: "), "the justifying answer comes first: " + d.reasons());
    }

    @Test
    void flagsOfTheCriterionMetOnAnswersAreKept() {
        JustificationDecision d = GATE.evaluate(inhaledOnlyPlus(Sex.F, 78, FRACTURE_AFTER_40, "Y", MENOPAUSE, "Y"));

        assertEquals(Outcome.JUSTIFIED, d.outcome());
        assertTrue(d.flags().contains(DecisionFlag.TREATMENT_WITHOUT_BMD_MAY_BE_CONSIDERED), d.flags().toString());
    }

    @Test
    void freeTextIsReadByAPractitionerAndNotCopiedIntoTheReasons() {
        String text = "Mother had a hip fracture; smoker";
        JustificationDecision d = GATE.evaluate(withClinicalDetails(inhaledOnlyPlus(Sex.F, 50), text));

        assertEquals(Outcome.NEEDS_REVIEW, d.outcome());
        CriterionResult other = d.criterion(UntickedAnswers.OTHER_CLINICAL_DETAILS).orElseThrow();
        assertEquals(CriterionStatus.UNKNOWN, other.status());
        assertEquals(text, other.data().get("CLINICAL_DETAILS"), "the audit record keeps what was looked at");
        assertTrue(d.reasons().stream().noneMatch(r -> r.contains("hip fracture") || r.contains("smoker")),
                "reasons go to the RIS as ORC-16/NTE: " + d.reasons());

        JustificationDecision blank = GATE.evaluate(withClinicalDetails(inhaledOnlyPlus(Sex.F, 50), "  "));
        assertEquals(Outcome.RETURNED, blank.outcome(), "blank text is no clinical detail");
    }

    @Test
    void negativeAndNeutralAnswersDoNotHoldAReturn() {
        Referral r = inhaledOnlyPlus(Sex.F, 60, FRACTURE_AFTER_40, "N", OSTEO_TREATMENT, "N",
                HEIGHT_LOSS_CM, "0", MENOPAUSE, "Y", PREGNANT, "N", WEIGHT_KG, "70", HEIGHT_CM, "160",
                RECENT_NM_OR_CONTRAST_DATE, "20250501", SPECIAL_NEEDS, "Interpreter (Polish)");

        assertEquals(Outcome.RETURNED, GATE.evaluate(r).outcome());
    }

    @Test
    void aNotAnIndicationAnswerNeverReturnsOnItsOwn() {
        // the only ticked reason is held (oral course, dose and duration not stated); a green FRAX
        // answered beside it is no reason to return
        Referral r = TestReferrals.referral(Sex.F, 60, TestReferrals.REFERRER, REFREASON, "STEROIDS",
                STEROID_ROUTE, "ORAL", NOGG_ZONE, "GREEN", OSTEO_TREATMENT, "N");
        JustificationDecision d = GATE.evaluate(r);

        assertEquals(Outcome.NEEDS_REVIEW, d.outcome());
        CriterionResult frax = d.criterion("FRAX").orElseThrow();
        assertTrue(frax.applicable());
        assertEquals(CriterionStatus.NOT_MET, frax.status());
        assertTrue(frax.note().startsWith("Not a ticked reason; answered (NOGG_ZONE = GREEN, OSTEO_TREATMENT = N)"), frax.note());
    }

    @Test
    void aMetTickedReasonIsNotUndoneByOtherAnswers() {
        Referral r = TestReferrals.referral(Sex.F, 60, TestReferrals.REFERRER, REFREASON, "RADIOLOGICAL_OSTEOPENIA",
                CONDITION, "GOUT", OSTEO_TREATMENT, "Y", STEROID_ROUTE, "INHALED");

        JustificationDecision d = GATE.evaluate(withClinicalDetails(r, "Long history of back pain"));

        assertEquals(Outcome.JUSTIFIED, d.outcome());
        assertEquals(CriterionStatus.NOT_MET, d.criterion("DISEASE_MEDICATION").orElseThrow().status());
        assertEquals(CriterionStatus.UNKNOWN, d.criterion("STEROIDS").orElseThrow().status(), "oral courses not stated");
    }

    @Test
    void gateOneAndGateTwoStillComeFirst() {
        Referral unsigned = new Referral("U1", TestReferrals.REFERRAL_DATE, LocalDate.of(1965, 1, 1), Sex.F, Referrer.NONE,
                inhaledOnlyPlus(Sex.F, 60, FRACTURE_AFTER_40, "Y", MENOPAUSE, "Y").answers());
        assertEquals(Outcome.RETURNED, GATE.evaluate(unsigned).outcome(), "unsigned is returned whatever it says");

        JustificationDecision pregnant = GATE.evaluate(inhaledOnlyPlus(Sex.F, 30, CONDITION, "COELIAC", PREGNANT, "Y"));
        assertEquals(Outcome.NEEDS_REVIEW, pregnant.outcome());
        assertEquals(Set.of(), pregnant.flags());
    }
}
