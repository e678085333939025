package org.dxaflow.justification;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import org.dxaflow.clinical.Sex;

import static org.dxaflow.order.ReferralField.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The thresholds really come from rules.yaml: editing a copy changes the decision. */
class ThresholdChangeTest {

    @TempDir
    Path temp;

    private static final Referral FOLLOW_UP_23_MONTHS = TestReferrals.referral(Sex.F, 67, TestReferrals.REFERRER,
            REFREASON, "FOLLOW_UP", PREVIOUS_DXA_DATE, "20230702");
    private static final Referral WEIGHT_121 = TestReferrals.referral(Sex.F, 60, TestReferrals.REFERRER,
            REFREASON, "DISEASE_MEDICATION", CONDITION, "COELIAC", WEIGHT_KG, "121");
    private static final Referral STEROIDS_2_MONTHS = TestReferrals.referral(Sex.F, 45, TestReferrals.REFERRER,
            REFREASON, "STEROIDS", STEROID_ROUTE, "ORAL", STEROID_DOSE_MG, "10", STEROID_DURATION_MONTHS, "2");

    @Test
    void followUpIntervalComesFromRules() {
        assertEquals(Outcome.NEEDS_REVIEW, decide(new ConfCopy(temp), FOLLOW_UP_23_MONTHS).outcome());

        ConfCopy changed = new ConfCopy(temp.resolve("changed")).replace(temp.resolve("changed/rules.yaml"),
                "  minYears: 2", "  minYears: 1");
        JustificationDecision d = decide(changed, FOLLOW_UP_23_MONTHS);

        assertEquals(Outcome.JUSTIFIED, d.outcome());
    }

    @Test
    void weightLimitComesFromRules() {
        assertEquals(List.of("FOREARM"), decide(new ConfCopy(temp), WEIGHT_121).protocolCodeValues());

        ConfCopy changed = new ConfCopy(temp.resolve("changed")).replace(temp.resolve("changed/rules.yaml"),
                "spineHipMaxKg: 120", "spineHipMaxKg: 125");

        assertEquals(List.of("LSPINE", "HIP"), decide(changed, WEIGHT_121).protocolCodeValues());
    }

    @Test
    void steroidDurationComesFromRules() {
        assertEquals(Outcome.NEEDS_REVIEW, decide(new ConfCopy(temp), STEROIDS_2_MONTHS).outcome());

        ConfCopy changed = new ConfCopy(temp.resolve("changed")).replace(temp.resolve("changed/rules.yaml"),
                "  minDurationMonths: 3", "  minDurationMonths: 2");

        assertEquals(Outcome.JUSTIFIED, decide(changed, STEROIDS_2_MONTHS).outcome());
    }

    @Test
    void exactlyTheSteroidThresholdsFollowTheSignedReading() {
        Referral threeMonths = TestReferrals.referral(Sex.F, 45, TestReferrals.REFERRER, REFREASON, "STEROIDS",
                STEROID_ROUTE, "ORAL", STEROID_DOSE_MG, "10", STEROID_DURATION_MONTHS, "3");
        Referral fifteenMg = TestReferrals.referral(Sex.F, 45, TestReferrals.REFERRER, REFREASON, "STEROIDS",
                STEROID_ROUTE, "ORAL", STEROID_DOSE_MG, "15", STEROID_DURATION_MONTHS, "1");
        JustificationDecision inclusive = decide(new ConfCopy(temp), threeMonths);
        assertEquals(Outcome.JUSTIFIED, inclusive.outcome());
        assertEquals(Outcome.JUSTIFIED, decide(new ConfCopy(temp.resolve("shipped2")), fifteenMg).outcome());
        assertEquals(ThresholdReading.Reading.INCLUSIVE, inclusive.criterion("STEROIDS").orElseThrow().data().get("DURATION_READING"));

        ConfCopy exclusive = new ConfCopy(temp.resolve("exclusive"))
                .replace(temp.resolve("exclusive/rules.yaml"), "steroids for >3 months\"\n      reading: INCLUSIVE",
                        "steroids for >3 months\"\n      reading: EXCLUSIVE")
                .replace(temp.resolve("exclusive/rules.yaml"), "prednisolone >15 mg daily)\"\n      reading: INCLUSIVE",
                        "prednisolone >15 mg daily)\"\n      reading: EXCLUSIVE");
        JustificationDecision held = decide(exclusive, threeMonths);

        assertEquals(Outcome.NEEDS_REVIEW, held.outcome(), "exactly the threshold falls short: held, never returned");
        CriterionResult steroids = held.criterion("STEROIDS").orElseThrow();
        assertEquals(CriterionStatus.NOT_MET, steroids.status());
        assertTrue(steroids.note().contains("duration 3 months or less"), steroids.note());
        assertTrue(steroids.note().contains("\">3 months\" EXCLUSIVE"), steroids.note());
        assertEquals(ThresholdReading.Reading.EXCLUSIVE, steroids.data().get("DURATION_READING"));
        assertEquals(Outcome.NEEDS_REVIEW, decide(exclusive, fifteenMg).outcome());
        assertEquals(Outcome.JUSTIFIED, decide(exclusive, TestReferrals.referral(Sex.F, 45, TestReferrals.REFERRER,
                REFREASON, "STEROIDS", STEROID_ROUTE, "ORAL", STEROID_DOSE_MG, "10", STEROID_DURATION_MONTHS, "3.5"))
                .outcome(), "above the threshold meets it under either reading");
    }

    @Test
    void exactlyTheVfaHeightLossFollowsTheSignedReading() {
        Referral fourCm = TestReferrals.referral(Sex.M, 60, TestReferrals.REFERRER, REFREASON, "RADIOLOGICAL_OSTEOPENIA",
                HEIGHT_LOSS_CM, "4");
        JustificationDecision inclusive = decide(new ConfCopy(temp), fourCm);
        assertEquals(List.of("LSPINE", "HIP", "VFA"), inclusive.protocolCodeValues());
        assertTrue(inclusive.reasons().stream().anyMatch(r -> r.contains("\"> 4 cm\" read INCLUSIVE")), inclusive.reasons().toString());

        ConfCopy exclusive = new ConfCopy(temp.resolve("exclusive")).replace(temp.resolve("exclusive/rules.yaml"),
                "height loss > 4 cm\"\n      reading: INCLUSIVE", "height loss > 4 cm\"\n      reading: EXCLUSIVE");

        assertEquals(List.of("LSPINE", "HIP"), decide(exclusive, fourCm).protocolCodeValues());
    }

    @Test
    void versionOfTheRulesIsRecorded() {
        ConfCopy changed = new ConfCopy(temp).replace(temp.resolve("rules.yaml"),
                "version: \"2025.06-2\"", "version: \"2025.07-test\"");

        assertEquals("2025.07-test", decide(changed, WEIGHT_121).ruleSetVersion());
    }

    @Test
    void nonEmptyReferrerListReturnsUnlistedReferrers() {
        Referral other = TestReferrals.referral(Sex.F, 60, new Referrer("X1", "Dr Other"),
                REFREASON, "RADIOLOGICAL_OSTEOPENIA");
        assertEquals(Outcome.JUSTIFIED, decide(new ConfCopy(temp), other).outcome(), "empty list accepts anyone");

        ConfCopy listed = new ConfCopy(temp.resolve("listed")).replace(temp.resolve("listed/referrers.yaml"),
                "referrers: []", "referrers:\n  - {id: \"G8123456\", name: \"Dr Alice Moss\"}");

        assertEquals(Outcome.RETURNED, decide(listed, other).outcome());
        assertEquals(Outcome.JUSTIFIED, decide(listed, TestReferrals.referral(Sex.F, 60,
                new Referrer("g8123456", ""), REFREASON, "RADIOLOGICAL_OSTEOPENIA")).outcome(), "id match ignores case");
    }

    private static JustificationDecision decide(ConfCopy conf, Referral referral) {
        return new JustificationGate(conf.load(), TestReferrals.MENOPAUSE, TestReferrals.CLOCK).evaluate(referral);
    }
}
