package org.dxaflow.densitometry;

import org.dxaflow.clinical.MenopausalStatus;
import org.dxaflow.clinical.MenopausalStatusRule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.dxaflow.clinical.Sex;

import static org.dxaflow.densitometry.Fixtures.d;
import static org.dxaflow.densitometry.Fixtures.fn;
import static org.dxaflow.densitometry.Fixtures.th;
import static org.dxaflow.densitometry.Fixtures.vertebra;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Worked cases for the fail-safe rules (issue "clinical safety", points 1-3, 6, 7). Reference values:
 * NHANES III femoral neck young white women mean 0.858, SD 0.120; total hip mean 0.942, SD 0.122
 * (conf/reference-data/nhanes3-femur.yaml). No lumbar spine reference is configured, so spine
 * T-scores are the vendor's for exactly the vertebrae used, or none.
 */
class FailSafeCasesTest {

    private final DensitometryCalculator calculator = Fixtures.calculator();

    private static ScanInput woman(Boolean menopausal, LocalDate birth, Boolean fracture, List<VfaFinding> vfa,
                                   Measurement... sites) {
        return new ScanInput(Sex.F, birth, Fixtures.SCAN, Manufacturer.HOLOGIC, menopausal,
                menopausal == null ? null : "referral MENOPAUSE=" + (menopausal ? "Y" : "N"), fracture, false, vfa,
                null, List.of(sites), null, null);
    }

    private static boolean review(DensitometryResult r, String text) {
        return r.flags().stream().anyMatch(f -> f.code() == FlagCode.NEEDS_REPORTER_REVIEW && f.message().contains(text));
    }

    // ---- 1. a measured diagnostic region that cannot be scored never drops out silently ----

    @Test
    void nonContiguousSpineAfterProposedExclusionLeavesNoCategoryNotTheHipAlone() {
        // vertebrae (vendor T): L1 −2.6, L2 −2.7, L3 −1.2, L4 −2.5
        //   L3 is higher than L2 by 1.5 and than L4 by 1.3 (> 1.0 each): proposed for exclusion
        //   remaining L1,L2,L4: not a contiguous range, no reference, no vendor value -> no spine T-score
        // total hip: (0.950 − 0.942) / 0.122 = 0.066 -> 0.1 -> NORMAL from the hip alone: must not be the answer
        // all vertebrae L1-L4: vendor −2.3 -> with the hip, lowest −2.3 -> OSTEOPENIA
        DensitometryResult r = calculator.compute(Fixtures.postmenopausal(
                vertebra(Site.L1, "0.800", "-2.6", "10.00", "12.50"),
                vertebra(Site.L2, "0.790", "-2.7", "11.06", "14.00"),
                vertebra(Site.L3, "0.950", "-1.2", "14.25", "15.00"),
                vertebra(Site.L4, "0.810", "-2.5", "12.96", "16.00"),
                Measurement.of(Site.L1_L4, null, "0.837").withVendorScores("-2.3", null),
                th("0.950")));
        assertEquals("L1,L2,L4", r.spine().label());
        assertNull(r.spine().tScore());
        assertNull(r.whoCategory());
        assertEquals(WhoCategory.OSTEOPENIA, r.whoCategoryAllVertebrae());
        assertTrue(r.needsReporterReview());
        assertTrue(review(r, "lumbar spine L1,L2,L4 was measured but has no T-score"));
        assertTrue(review(r, "the proposed vertebral exclusion changes the WHO category: none with L1,L2,L4,"
                + " OSTEOPENIA with L1-L4"));
        assertEquals("L1-L4", r.spine().allVertebrae().label());
        assertEquals(d("-2.3"), r.spine().allVertebrae().tScore());
    }

    @Test
    void scannerWithoutCalibrationScaleLeavesTheHipUnscoredAndNoCategory() {
        // manufacturer OTHER: no sBMD equation onto the NHANES (Hologic) scale, no vendor T at the neck ->
        // the neck cannot be scored; the spine's vendor T −1.5 alone would say OSTEOPENIA
        ScanInput in = new ScanInput(Sex.F, LocalDate.of(1955, 3, 12), Fixtures.SCAN, Manufacturer.OTHER, true,
                false, false, List.of(fn("0.600"),
                        Measurement.of(Site.L1_L4, null, "0.950").withVendorScores("-1.5", null)), null, null);
        DensitometryResult r = calculator.compute(in);
        assertNull(r.whoCategory());
        assertTrue(review(r, "femoral neck (left) was measured but has no T-score (not computable: no published"
                + " sBMD equation"));
    }

    @Test
    void vendorTScoreForExactlyTheRemainingVertebraeIsUsedAndLabelled() {
        // L1 −1.0 higher than L2 −2.2 by 1.2: proposed; L2-L4 vendor −2.3 (VENDOR); FN (0.700 − 0.858) / 0.120
        // = −1.3; lowest −2.3 -> OSTEOPENIA; all vertebrae L1-L4 vendor −2.0 -> OSTEOPENIA: same, no review
        DensitometryResult r = calculator.compute(Fixtures.postmenopausal(
                vertebra(Site.L1, "1.000", "-1.0", "12.00", "12.00"),
                vertebra(Site.L2, "0.846", "-2.2", "11.00", "13.00"),
                vertebra(Site.L3, "0.857", "-2.3", "12.00", "14.00"),
                vertebra(Site.L4, "0.900", "-2.4", "13.50", "15.00"),
                Measurement.of(Site.L2_L4, null, "0.869").withVendorScores("-2.3", null),
                Measurement.of(Site.L1_L4, null, "0.897").withVendorScores("-2.0", null),
                fn("0.700")));
        assertEquals(WhoCategory.OSTEOPENIA, r.whoCategory());
        assertEquals(ScoreSource.VENDOR, r.spine().tScoreSource());
        assertNull(r.whoCategoryAllVertebrae());
        assertFalse(r.needsReporterReview());
        assertEquals(ExclusionStatus.PROPOSED, r.spine().excludedVertebrae().get(0).status());
        assertTrue(r.spine().note().contains("proposed, not confirmed"));
    }

    // ---- 2. vertebral exclusion is a proposal, never a silent downgrade ----

    @Test
    void lowestVertebraIsNeverExcludedAutomatically() {
        // L1 −2.3, L2 −2.4, L3 −2.4, L4 −3.6: L4 is LOWER than L3 by 1.2 -> not excluded, review flag
        // spine stays L1-L4, vendor −2.7 -> OSTEOPOROSIS (the old rule excluded L4 and said osteopenia)
        // total hip (0.698 − 0.942) / 0.122 = −2.0
        DensitometryResult r = calculator.compute(Fixtures.postmenopausal(
                vertebra(Site.L1, "0.850", "-2.3", "10.20", "12.00"),
                vertebra(Site.L2, "0.840", "-2.4", "10.92", "13.00"),
                vertebra(Site.L3, "0.840", "-2.4", "11.76", "14.00"),
                vertebra(Site.L4, "0.700", "-3.6", "10.50", "15.00"),
                Measurement.of(Site.L1_L4, null, "0.800").withVendorScores("-2.7", null),
                th("0.698")));
        assertEquals("L1-L4", r.spine().label());
        assertTrue(r.spine().excludedVertebrae().isEmpty());
        assertEquals(d("-2.7"), r.lowestTScore().value());
        assertEquals(WhoCategory.OSTEOPOROSIS, r.whoCategory());
        assertTrue(review(r, "L4 T-score -3.6 is lower than each adjacent vertebra by more than 1.0: not excluded"));
    }

    @Test
    void proposedExclusionThatChangesTheCategoryCarriesBoth() {
        // L1 −2.6, L2 −2.7, L3 −2.6, L4 −1.2: L4 higher than L3 by 1.4 -> proposed
        // with L1-L3 (vendor −2.6): OSTEOPOROSIS; with L1-L4 (vendor −2.4): OSTEOPENIA; FN 0.858 -> T 0.0
        DensitometryResult r = calculator.compute(Fixtures.postmenopausal(
                vertebra(Site.L1, "0.800", "-2.6", "10.00", "12.50"),
                vertebra(Site.L2, "0.790", "-2.7", "11.06", "14.00"),
                vertebra(Site.L3, "0.800", "-2.6", "12.00", "15.00"),
                vertebra(Site.L4, "0.950", "-1.2", "15.20", "16.00"),
                Measurement.of(Site.L1_L3, null, "0.797").withVendorScores("-2.6", null),
                Measurement.of(Site.L1_L4, null, "0.838").withVendorScores("-2.4", null),
                fn("0.858")));
        assertEquals("L1-L3", r.spine().label());
        assertEquals(WhoCategory.OSTEOPOROSIS, r.whoCategory());
        assertEquals(WhoCategory.OSTEOPENIA, r.whoCategoryAllVertebrae());
        assertTrue(review(r, "OSTEOPOROSIS with L1-L3, OSTEOPENIA with L1-L4"));
    }

    // ---- 3. unknown menopausal status: one rule, never reassuring ----

    @Test
    void seventyYearOldWithStatusNotStatedIsInferredPostmenopausalAndSaysSo() {
        // born 1956-06-01, scanned 2026-11-28: 70 ≥ 55 (conf/clinical/menopausal-status.yaml)
        // FN 0.498: (0.498 − 0.858) / 0.120 = −3.0; spine vendor −3.0; fragility fracture -> SEVERE
        DensitometryResult r = calculator.compute(woman(null, LocalDate.of(1956, 6, 1), true, List.of(),
                fn("0.498"), Measurement.of(Site.L1_L4, null, "0.700").withVendorScores("-3.0", null)));
        assertEquals(WhoCategory.SEVERE_OSTEOPOROSIS, r.whoCategory());
        assertNull(r.zScoreInterpretation());
        assertEquals(MenopausalStatus.POSTMENOPAUSAL, r.menopausalStatus().status());
        assertTrue(r.menopausalStatus().inferred());
        assertTrue(r.menopausalStatus().basis().contains("inferred postmenopausal from age 70 (55 or over"));
        assertTrue(r.lowestTScore().forDiagnosis());
    }

    @Test
    void fiftyTwoYearOldWithStatusNotStatedGetsNeitherCategoryNorZWording() {
        // 52 < 55: UNKNOWN. The vendor's Z −0.5 must NOT become "within the expected range for age".
        DensitometryResult r = calculator.compute(woman(null, LocalDate.of(1974, 1, 10), null, List.of(),
                fn("0.700").withVendorScores("-1.3", "-0.5")));
        assertNull(r.whoCategory());
        assertNull(r.zScoreInterpretation());
        assertEquals(MenopausalStatus.UNKNOWN, r.menopausalStatus().status());
        assertTrue(r.needsReporterReview());
        assertTrue(review(r, "age 52 is under 55"));
        assertFalse(r.lowestTScore().forDiagnosis());
        assertEquals("not for diagnosis", r.lowestTScore().label());
    }

    @Test
    void whenTheServiceNeverInfersTheStatusEvenASeventyYearOldGoesToTheReporter() {
        DensitometryConfig c = Fixtures.CONF;
        DensitometryCalculator never = new DensitometryCalculator(new DensitometryConfig(c.referenceData(),
                c.settings(), c.lsc(), new MenopausalStatusRule(OptionalInt.empty(), "test", "test.yaml:3")));
        DensitometryResult r = never.compute(woman(null, LocalDate.of(1956, 6, 1), false, List.of(), fn("0.498")));
        assertNull(r.whoCategory());
        assertTrue(review(r, "the service infers no status from age"));
    }

    @Test
    void statedPremenopausalWomanGetsZWordingAndTheTScoreIsNotForDiagnosis() {
        // 45-year-old, MENOPAUSE=N: Z-score population; vendor Z −2.1 ≤ −2.0 -> below the expected range
        DensitometryResult r = calculator.compute(woman(false, LocalDate.of(1981, 5, 5), null, List.of(),
                fn("0.620").withVendorScores("-2.0", "-2.1")));
        assertEquals("below the expected range for age", r.zScoreInterpretation());
        assertNull(r.whoCategory());
        assertFalse(r.menopausalStatus().inferred());
        assertFalse(r.lowestTScore().forDiagnosis());
        assertEquals("not for diagnosis", r.lowestTScore().label());
    }

    // ---- 6. vertebral fracture assessment counts ----

    @Test
    void vfaGradeTwoMakesOsteoporosisSevereAndFlagsFurtherInvestigation() {
        // FN 0.546: (0.546 − 0.858) / 0.120 = −2.6 -> OSTEOPOROSIS; T12 Genant grade 2 ≥ 2 -> fracture -> SEVERE
        DensitometryResult r = calculator.compute(woman(true, LocalDate.of(1950, 1, 1), false,
                List.of(new VfaFinding("T12", 2, null), new VfaFinding("L1", 0, null)), fn("0.546")));
        assertEquals(WhoCategory.SEVERE_OSTEOPOROSIS, r.whoCategory());
        assertTrue(r.flags().stream().anyMatch(f -> f.code() == FlagCode.VERTEBRAL_FRACTURE_ON_VFA
                && f.furtherInvestigation() && f.message().contains("T12")));
        assertEquals(2, r.vfa().size());
    }

    @Test
    void vfaGradeOneIsNeitherCountedNorIgnored() {
        DensitometryResult r = calculator.compute(woman(true, LocalDate.of(1950, 1, 1), false,
                List.of(new VfaFinding("T11", 1, null)), fn("0.546")));
        assertEquals(WhoCategory.OSTEOPOROSIS, r.whoCategory());
        assertFalse(Fixtures.hasFlag(r, FlagCode.VERTEBRAL_FRACTURE_ON_VFA));
        assertTrue(review(r, "T11 Genant grade 1"));
    }

    @Test
    void vfaFractureYesWithoutGradeCounts() {
        DensitometryResult r = calculator.compute(woman(true, LocalDate.of(1950, 1, 1), false,
                List.of(new VfaFinding("L2", null, true)), fn("0.546")));
        assertEquals(WhoCategory.SEVERE_OSTEOPOROSIS, r.whoCategory());
    }

    // ---- 7. labels ----

    @Test
    void manUnderFiftyLowestTScoreIsNotForDiagnosis() {
        DensitometryResult r = calculator.compute(Fixtures.man(LocalDate.of(1980, 1, 1),
                fn("0.640").withVendorScores(null, "-1.0")));
        assertFalse(r.lowestTScore().forDiagnosis());
        assertEquals("not for diagnosis", r.lowestTScore().label());
        assertEquals("within the expected range for age", r.zScoreInterpretation());
    }

    @Test
    void vendorSpineReferenceNextToEngineHipReferenceIsSaid() {
        // man 66: FN engine T against the female NHANES reference (ISCD), spine T is the scanner's
        DensitometryResult r = calculator.compute(Fixtures.man(LocalDate.of(1960, 1, 1), fn("0.700"),
                Measurement.of(Site.L1_L4, null, "0.950").withVendorScores("-1.2", null)));
        Flag f = r.flags().stream().filter(x -> x.code() == FlagCode.REFERENCE_DATABASES_DIFFER).findFirst()
                .orElseThrow();
        assertTrue(f.message().contains("[lumbar spine L1-L4] are the scanner's"), f.message());
        assertTrue(f.message().contains("[femoral neck (left)] the engine's"), f.message());
        assertTrue(f.message().contains("male reference"), f.message());
    }
}
