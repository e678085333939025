package org.dxaflow.justification;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.dxaflow.justification.ReferralField.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void versionOfTheRulesIsRecorded() {
        ConfCopy changed = new ConfCopy(temp).replace(temp.resolve("rules.yaml"),
                "version: \"2025.06-1\"", "version: \"2025.07-test\"");

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
        return new JustificationGate(conf.load(), TestReferrals.CLOCK).evaluate(referral);
    }
}
