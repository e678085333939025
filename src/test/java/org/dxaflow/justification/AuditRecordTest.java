package org.dxaflow.justification;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import org.dxaflow.clinical.Sex;
import org.dxaflow.order.SteroidRoute;

import static org.dxaflow.order.ReferralField.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decision is the IRMER audit record: every check, the data it used, the rules version, who and when. */
class AuditRecordTest {

    private static final RuleSet RULES = TestReferrals.shippedRules();
    private static final JustificationGate GATE = new JustificationGate(RULES, TestReferrals.MENOPAUSE, TestReferrals.CLOCK);
    private static final List<String> EVERY_CHECK = List.of("REFERRER_IDENTIFIED", "REFERRER_ENTITLED", "REASON_GIVEN",
            "ADULT_PATIENT", "NOT_PREGNANT", "RECOGNISED_REASON", "FRACTURE", "STEROIDS", "RADIOLOGICAL_OSTEOPENIA",
            "DISEASE_MEDICATION", "FRAX", "FOLLOW_UP", "OTHER_CLINICAL_DETAILS");

    @Test
    void everyCheckIsListedWhateverTheOutcome() {
        List<Referral> referrals = List.of(
                TestReferrals.referral(Sex.F, 60, TestReferrals.REFERRER, REFREASON, "FRACTURE", FRACTURE_AFTER_40, "Y"),
                TestReferrals.referral(Sex.F, 60, Referrer.NONE),
                TestReferrals.referral(Sex.F, 30, TestReferrals.REFERRER, REFREASON, "FRAX", PREGNANT, "Y"),
                TestReferrals.referral(Sex.F, 50, TestReferrals.REFERRER, REFREASON, "STEROIDS",
                        STEROID_ROUTE, "INHALED", STEROID_ORAL_COURSES, "N"));
        for (Referral referral : referrals) {
            JustificationDecision d = GATE.evaluate(referral);
            assertEquals(EVERY_CHECK, d.criteria().stream().map(CriterionResult::criterion).toList(), d.outcome().name());
        }
    }

    @Test
    void criterionRecordsTheDataItUsed() {
        JustificationDecision d = GATE.evaluate(TestReferrals.referral(Sex.M, 45, TestReferrals.REFERRER,
                REFREASON, "STEROIDS", STEROID_ROUTE, "ORAL", STEROID_DOSE_MG, "15", STEROID_DURATION_MONTHS, "1"));
        CriterionResult steroids = d.criterion("STEROIDS").orElseThrow();

        assertEquals(CriterionStatus.MET, steroids.status());
        assertTrue(steroids.applicable());
        assertEquals(SteroidRoute.ORAL, steroids.data().get("STEROID_ROUTE"));
        assertEquals(0, new java.math.BigDecimal("15").compareTo((java.math.BigDecimal) steroids.data().get("STEROID_DOSE_MG")));
        assertEquals(45, steroids.data().get("AGE"));
        assertTrue(steroids.data().containsKey("STEROID_ORAL_COURSES"), "absent answers are listed too");
        assertTrue(steroids.note().contains("high dose"));

        CriterionResult frax = d.criterion("FRAX").orElseThrow();
        assertFalse(frax.applicable(), "FRAX was not a reason given");
        assertEquals(CriterionStatus.NOT_MET, frax.status());
        assertThrows(UnsupportedOperationException.class, () -> frax.data().put("X", 1), "immutable");
    }

    @Test
    void autoDecisionNamesTheDelegatingPractitionerVersionAndTime() {
        JustificationDecision d = GATE.evaluate(TestReferrals.referral(Sex.M, 45, TestReferrals.REFERRER,
                REFREASON, "RADIOLOGICAL_OSTEOPENIA"));

        assertEquals(DecidedBy.Mode.AUTO, d.decidedBy().mode());
        assertEquals(RULES.delegation().practitioner(), d.decidedBy().practitioner());
        assertEquals(RULES.delegation().document(), d.decidedBy().delegationDocument());
        assertEquals(RULES.version(), d.ruleSetVersion());
        assertEquals(Instant.parse("2025-06-02T09:00:00Z"), d.decidedAt());
        assertEquals("T-45", d.referralId());
        assertEquals("", d.comment());
    }

    @Test
    void decisionSerialisesToJsonForTheRestLayer() throws Exception {
        JustificationDecision d = GATE.evaluate(TestReferrals.referral(Sex.F, 60, TestReferrals.REFERRER,
                REFREASON, "DISEASE_MEDICATION", CONDITION, "COELIAC", RECENT_NM_OR_CONTRAST_DATE, "20250530"));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper()
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        com.fasterxml.jackson.databind.JsonNode tree = json.readTree(json.writeValueAsString(d));

        assertEquals("JUSTIFIED", tree.path("outcome").asText());
        assertEquals("2025-06-06", tree.path("earliestScanDate").asText());
        assertEquals("AUTO", tree.path("decidedBy").path("mode").asText());
        assertEquals(EVERY_CHECK.size(), tree.path("criteria").size());
        assertEquals("LSPINE", tree.path("protocol").get(0).path("value").asText());
        assertEquals("2025-06-02T09:00:00Z", tree.path("decidedAt").asText());
    }

    @Test
    void decisionIsImmutable() {
        JustificationDecision d = GATE.evaluate(TestReferrals.referral(Sex.M, 45, TestReferrals.REFERRER,
                REFREASON, "RADIOLOGICAL_OSTEOPENIA"));

        assertThrows(UnsupportedOperationException.class, () -> d.criteria().clear());
        assertThrows(UnsupportedOperationException.class, () -> d.reasons().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> d.flags().add(DecisionFlag.SPECIAL_NEEDS));
        assertThrows(UnsupportedOperationException.class, () -> d.protocol().clear());
    }
}
