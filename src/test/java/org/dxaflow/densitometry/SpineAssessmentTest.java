package org.dxaflow.densitometry;

import org.junit.jupiter.api.Test;

import static org.dxaflow.densitometry.Fixtures.d;
import static org.dxaflow.densitometry.Fixtures.fn;
import static org.dxaflow.densitometry.Fixtures.vertebra;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spine through the calculator. No lumbar spine reference can be cited (manufacturers' own
 * databases, ISCD), so per-vertebra exclusion uses the vendor's T-scores and the spine T-score is the
 * vendor's for exactly the included range, labelled VENDOR, or none.
 */
class SpineAssessmentTest {

    private final DensitometryCalculator calculator = Fixtures.calculator();

    @Test
    void endVertebraExcludedAndVendorRangeTScoreUsed() {
        // vendor T: L1 −1.0, L2 −2.2, L3 −2.3, L4 −2.4 -> L1 excluded (see VertebralExclusionTest)
        // included L2-L4: vendor's L2-L4 T-score −2.3 is used (labelled VENDOR)
        // FN: (0.700 − 0.858) / 0.120 = −1.3 -> lowest is spine −2.3 -> OSTEOPENIA
        ScanInput in = Fixtures.postmenopausal(
                vertebra(Site.L1, "1.000", "-1.0", "12.00", "12.00"),
                vertebra(Site.L2, "0.846", "-2.2", "11.00", "13.00"),
                vertebra(Site.L3, "0.857", "-2.3", "12.00", "14.00"),
                vertebra(Site.L4, "0.900", "-2.4", "13.50", "15.00"),
                Measurement.of(Site.L2_L4, null, "0.869").withVendorScores("-2.3", null),
                Measurement.of(Site.L1_L4, null, "0.897").withVendorScores("-2.0", null),
                fn("0.700"));
        DensitometryResult r = calculator.compute(in);
        SpineResult spine = r.spine();
        assertEquals("L2-L4", spine.label());
        assertEquals(Site.L1, spine.excludedVertebrae().get(0).site());
        // ΣBMC / Σarea = 36.50 / 42.00 = 0.869047… -> presented 0.869
        assertEquals(d("0.869"), spine.bmd());
        assertEquals(d("-2.3"), spine.tScore());
        assertEquals(ScoreSource.VENDOR, spine.tScoreSource());
        assertEquals(Site.L2_L4, r.lowestTScore().site());
        assertEquals(ScoreSource.VENDOR, r.lowestTScore().source());
        assertEquals(WhoCategory.OSTEOPENIA, r.whoCategory());
        // no spine reference: engine T for the vertebrae is not computable, vendor value carried
        SiteResult l2 = Fixtures.site(r, Site.L2);
        assertNull(l2.tScore());
        assertTrue(l2.tScoreNote().startsWith("not computable: no reference configured"));
        assertEquals(d("-2.2"), l2.vendorTScore());
    }

    @Test
    void nonContiguousResultHasNoTScoreAndNoCategory() {
        // L3 (−0.5, higher than L2 −2.1 and L4 −1.9 by more than 1.0) proposed for exclusion -> L1,L2,L4:
        // no vendor value for this set -> spine T null, flagged. The femoral neck alone,
        // (0.700 − 0.858) / 0.120 = −1.3, would say OSTEOPENIA while the remaining vertebrae are about
        // −2.0: a measured diagnostic region without a score means no category, reporter review
        ScanInput in = Fixtures.postmenopausal(
                vertebra(Site.L1, "0.833", "-2.0", "10.00", "12.00"),
                vertebra(Site.L2, "0.846", "-2.1", "11.00", "13.00"),
                vertebra(Site.L3, "1.000", "-0.5", "14.00", "14.00"),
                vertebra(Site.L4, "0.900", "-1.9", "13.50", "15.00"),
                fn("0.700"));
        DensitometryResult r = calculator.compute(in);
        assertEquals("L1,L2,L4", r.spine().label());
        assertEquals(d("0.863"), r.spine().bmd()); // 34.50 / 40.00 = 0.8625 -> 0.863 (half away from zero)
        assertNull(r.spine().tScore());
        assertTrue(r.flags().stream().anyMatch(f -> f.code() == FlagCode.SITE_NOT_EVALUABLE
                && f.message().contains("L1,L2,L4")));
        assertEquals(Site.FEMORAL_NECK, r.lowestTScore().site());
        assertNull(r.whoCategory());
        assertTrue(r.needsReporterReview());
        assertTrue(r.flags().stream().anyMatch(f -> f.code() == FlagCode.NEEDS_REPORTER_REVIEW
                && f.message().contains("lumbar spine L1,L2,L4 was measured but has no T-score")));
        assertEquals(ExclusionStatus.PROPOSED, r.spine().excludedVertebrae().get(0).status());
    }

    @Test
    void onlyRangeSuppliedMeansNoExclusionPossible() {
        ScanInput in = Fixtures.postmenopausal(Measurement.of(Site.L1_L4, null, "0.950").withVendorScores("-1.5", null));
        DensitometryResult r = calculator.compute(in);
        assertEquals("L1-L4", r.spine().label());
        assertEquals(4, r.spine().includedVertebrae().size());
        assertTrue(r.spine().note().contains("vertebral exclusion could not be applied"));
        assertEquals(d("-1.5"), r.lowestTScore().value());
        assertEquals(WhoCategory.OSTEOPENIA, r.whoCategory());
    }
}
