package org.dxaflow.justification;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table-driven suite: every hand-written case in samples/hl7/referrals against the shipped rules. */
class ReferralCasesTest {

    private static ReferralQuestionMapping mapping;
    private static JustificationGate gate;

    @BeforeAll
    static void load() {
        mapping = ReferralQuestionMapping.load(ReferralCaseFile.MAPPING);
        RuleSet rules = new RuleSetLoader().load(Path.of("conf/justification/rules.yaml"),
                ReferralCaseFile.DIR.resolve("referrers.yaml"));
        gate = new JustificationGate(rules, TestReferrals.MENOPAUSE, Clock.fixed(Instant.parse("2025-06-02T09:00:00Z"), ZoneOffset.UTC));
    }

    static Stream<Path> cases() {
        return ReferralCaseFile.files();
    }

    @Test
    void suiteHasAtLeastFortyCases() {
        assertTrue(ReferralCaseFile.files().count() >= 40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decisionMatchesTheHandWrittenExpectation(Path file) {
        ReferralCaseFile c = ReferralCaseFile.read(file, mapping);
        JustificationDecision d = gate.evaluate(c.referral());
        ReferralCaseFile.Expected x = c.expected();
        String context = c.id() + " -> " + d.outcome() + " " + d.reasons();
        Set<String> flags = d.flags().stream().map(Enum::name).collect(Collectors.toSet());
        Map<String, CriterionStatus> statuses = d.criteria().stream()
                .collect(Collectors.toMap(CriterionResult::criterion, CriterionResult::status));
        assertAll(context,
                () -> assertEquals(c.statedAge(), c.referral().ageYears(), "age at referral"),
                () -> assertEquals(x.outcome(), d.outcome(), "outcome"),
                () -> assertEquals(x.protocol(), d.protocolCodeValues(), "protocol"),
                () -> assertEquals(Set.copyOf(x.flags()), flags, "flags"),
                () -> assertEquals(x.earliestScanDate(), d.earliestScanDate(), "earliest scan date"),
                () -> x.criteria().forEach((name, status) -> assertEquals(status, statuses.get(name), "criterion " + name)),
                () -> x.reasonsContain().forEach(fragment -> assertTrue(
                        d.reasons().stream().anyMatch(r -> r.contains(fragment)), "reasons contain '" + fragment + "'")),
                () -> assertEquals(c.referral().referralId(), d.referralId(), "referral id"));
    }
}
