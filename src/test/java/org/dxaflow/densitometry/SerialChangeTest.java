package org.dxaflow.densitometry;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.dxaflow.densitometry.Fixtures.d;
import static org.dxaflow.densitometry.Fixtures.fn;
import static org.dxaflow.densitometry.Fixtures.th;
import static org.dxaflow.densitometry.Fixtures.vertebra;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Serial change: ΔBMD = current − prior, % = Δ / prior × 100, significant when |Δ| ≥ LSC. Service
 * default LSC (conf/densitometry/lsc.yaml): L1-L4 0.030, total hip 0.025, femoral neck 0.035 g/cm².
 */
class SerialChangeTest {

    private final DensitometryCalculator calculator = Fixtures.calculator();

    private ChangeResult onlyChange(ScanInput in) {
        DensitometryResult r = calculator.compute(in);
        assertEquals(1, r.change().size());
        return r.change().get(0);
    }

    @Test
    void lossExactlyAtLscIsSignificant() {
        // FN: 0.800 − 0.835 = −0.035; |−0.035| ≥ 0.035 -> significant; % = −0.035 / 0.835 × 100 = −4.19… -> −4.2
        ScanInput in = Fixtures.withPrior(Fixtures.postmenopausal(fn("0.800")), Manufacturer.HOLOGIC, fn("0.835"));
        DensitometryResult r = calculator.compute(in);
        ChangeResult c = r.change().get(0);
        assertEquals("FEMORAL_NECK", c.site());
        assertEquals(Laterality.LEFT, c.laterality());
        assertEquals(d("-0.035"), c.deltaBmd());
        assertEquals(d("-4.2"), c.percent());
        assertEquals(d("0.035"), c.lsc());
        assertEquals(Boolean.TRUE, c.significant());
        assertTrue(c.comparable());
        assertTrue(Fixtures.hasFlag(r, FlagCode.SIGNIFICANT_BMD_LOSS));
        assertEquals(d("0.035"), r.provenance().lscUsed().get("FEMORAL_NECK"));
    }

    @Test
    void lossJustBelowLscIsNotSignificant() {
        // FN: 0.800 − 0.834 = −0.034; 0.034 < 0.035 -> not significant; % = −0.034 / 0.834 × 100 = −4.077 -> −4.1
        ScanInput in = Fixtures.withPrior(Fixtures.postmenopausal(fn("0.800")), Manufacturer.HOLOGIC, fn("0.834"));
        DensitometryResult r = calculator.compute(in);
        ChangeResult c = r.change().get(0);
        assertEquals(d("-0.034"), c.deltaBmd());
        assertEquals(d("-4.1"), c.percent());
        assertEquals(Boolean.FALSE, c.significant());
        assertFalse(Fixtures.hasFlag(r, FlagCode.SIGNIFICANT_BMD_LOSS));
    }

    @Test
    void gainAtLscIsSignificantButNotALossFlag() {
        // TH: 0.850 − 0.825 = +0.025 ≥ 0.025 -> significant gain; % = 0.025 / 0.825 × 100 = 3.03 -> 3.0
        ScanInput in = Fixtures.withPrior(Fixtures.postmenopausal(th("0.850")), Manufacturer.HOLOGIC, th("0.825"));
        DensitometryResult r = calculator.compute(in);
        ChangeResult c = r.change().get(0);
        assertEquals(d("0.025"), c.deltaBmd());
        assertEquals(d("3.0"), c.percent());
        assertEquals(Boolean.TRUE, c.significant());
        assertFalse(Fixtures.hasFlag(r, FlagCode.SIGNIFICANT_BMD_LOSS));
    }

    @Test
    void spineRangeChangeAgainstLsc() {
        // L1-L4: 0.970 − 1.000 = −0.030 ≥ LSC 0.030 -> significant; % = −3.0
        ScanInput in = Fixtures.withPrior(
                Fixtures.postmenopausal(Measurement.of(Site.L1_L4, null, "0.970").withVendorScores("-1.0", null)),
                Manufacturer.HOLOGIC, Measurement.of(Site.L1_L4, null, "1.000"));
        ChangeResult c = onlyChange(in);
        assertEquals("L1-L4", c.site());
        assertEquals(d("-0.030"), c.deltaBmd());
        assertEquals(d("-3.0"), c.percent());
        assertEquals(Boolean.TRUE, c.significant());
    }

    @Test
    void spineAfterExclusionComparesSameVertebraeButHasNoLsc() {
        // current L1,L2,L4 (L3 excluded): 34.50 / 40.00 = 0.8625
        // prior same vertebrae: (9.80 + 10.90 + 13.30) / (12.00 + 13.00 + 15.00) = 34.00 / 40.00 = 0.850
        // Δ = 0.0125 -> 0.013; % = 0.0125 / 0.850 × 100 = 1.47 -> 1.5; no LSC for "L1,L2,L4" -> significance unknown
        ScanInput current = Fixtures.postmenopausal(
                vertebra(Site.L1, "0.833", "-2.0", "10.00", "12.00"),
                vertebra(Site.L2, "0.846", "-2.1", "11.00", "13.00"),
                vertebra(Site.L3, "1.000", "-0.5", "14.00", "14.00"),
                vertebra(Site.L4, "0.900", "-1.9", "13.50", "15.00"));
        ScanInput in = Fixtures.withPrior(current, Manufacturer.HOLOGIC,
                Measurement.of(Site.L1, null, "0.817").withBmcArea("9.80", "12.00"),
                Measurement.of(Site.L2, null, "0.838").withBmcArea("10.90", "13.00"),
                Measurement.of(Site.L3, null, "0.990").withBmcArea("13.86", "14.00"),
                Measurement.of(Site.L4, null, "0.887").withBmcArea("13.30", "15.00"));
        ChangeResult c = onlyChange(in);
        assertEquals("L1,L2,L4", c.site());
        assertEquals(d("0.013"), c.deltaBmd());
        assertEquals(d("1.5"), c.percent());
        assertNull(c.lsc());
        assertNull(c.significant());
        assertTrue(c.note().contains("no LSC configured"));
    }

    @Test
    void priorFromLunarIsNotComparableByDefaultButShowsTheSbmdEstimate() {
        // prior Lunar FN 0.900 -> sBMD = −0.023 + 0.939 × 0.900 = 0.8221
        // on the current Hologic scale: (0.8221 − 0.019) / 1.087 = 0.8031 / 1.087 = 0.7388224471… -> 0.739
        // no cross-calibration configured -> NOT comparable: no delta, no significance, no loss flag
        ScanInput in = Fixtures.withPrior(Fixtures.postmenopausal(fn("0.800")), Manufacturer.GE_LUNAR, fn("0.900"));
        DensitometryResult r = calculator.compute(in);
        ChangeResult c = r.change().get(0);
        assertFalse(c.comparable());
        assertEquals(SerialChange.NOT_COMPARABLE, c.method());
        assertEquals(d("0.800"), c.currentBmd());
        assertEquals(d("0.900"), c.priorBmd());
        assertEquals(d("0.739"), c.priorOnCurrentScale());
        assertNull(c.deltaBmd());
        assertNull(c.percent());
        assertNull(c.significant());
        assertTrue(c.note().contains("Fan et al. 2010"));
        assertTrue(c.note().contains("no cross-calibration"));
        assertTrue(Fixtures.hasFlag(r, FlagCode.PRIOR_NOT_COMPARABLE));
        assertFalse(Fixtures.hasFlag(r, FlagCode.SIGNIFICANT_BMD_LOSS));
    }

    @Test
    void priorFromHologicSpineOnLunarShowsHuiEstimateOnly() {
        // current Lunar L1-L4 1.120, prior Hologic 1.000 -> on Lunar scale 1.1305070742 (SbmdConversionTest) -> 1.131
        ScanInput current = Fixtures.woman(true, LocalDate.of(1955, 3, 12), Manufacturer.GE_LUNAR, false,
                Measurement.of(Site.L1_L4, null, "1.120").withVendorScores("-0.5", null));
        ChangeResult c = onlyChange(Fixtures.withPrior(current, Manufacturer.HOLOGIC,
                Measurement.of(Site.L1_L4, null, "1.000")));
        assertFalse(c.comparable());
        assertEquals(d("1.131"), c.priorOnCurrentScale());
        assertNull(c.deltaBmd());
        assertNull(c.significant());
    }

    @Test
    void priorFromUnknownManufacturerIsNotComparable() {
        ScanInput in = Fixtures.withPrior(Fixtures.postmenopausal(fn("0.800")), Manufacturer.OTHER, fn("0.900"));
        DensitometryResult r = calculator.compute(in);
        ChangeResult c = r.change().get(0);
        assertFalse(c.comparable());
        assertNull(c.deltaBmd());
        assertNull(c.significant());
        assertNull(c.priorOnCurrentScale());
        assertTrue(Fixtures.hasFlag(r, FlagCode.PRIOR_NOT_COMPARABLE));
    }

    @Test
    void radiusFromAnotherManufacturerHasNoEstimate() {
        Measurement radius = Measurement.of(Site.RADIUS_33, Laterality.LEFT, "0.650").withVendorScores("-1.8", null);
        ScanInput in = Fixtures.withPrior(Fixtures.postmenopausal(radius), Manufacturer.GE_LUNAR,
                Measurement.of(Site.RADIUS_33, Laterality.LEFT, "0.700"));
        ChangeResult c = onlyChange(in);
        assertFalse(c.comparable());
        assertNull(c.priorOnCurrentScale());
        assertFalse(c.note().contains("sBMD estimate"));
    }

    @Test
    void sameManufacturerWithoutDeviceIdentityIsComparedWithANoteAndTheDefaultLabel() {
        // FN 0.800 − 0.835 = −0.035 ≥ default 0.035 -> significant; devices unidentified -> said so
        ScanInput in = Fixtures.withPrior(Fixtures.postmenopausal(fn("0.800")), Manufacturer.HOLOGIC, fn("0.835"));
        DensitometryResult r = calculator.compute(in);
        ChangeResult c = r.change().get(0);
        assertEquals(SerialChange.SAME_MANUFACTURER_DEVICE_NOT_IDENTIFIED, c.method());
        assertTrue(c.lscIsDefault());
        assertTrue(c.note().contains("device not identified"));
        assertTrue(c.note().contains("default LSC, not this centre's precision"));
        assertTrue(Fixtures.hasFlag(r, FlagCode.DEFAULT_LSC));
    }

    @Test
    void otherSideIsNotComparedWithThisSide() {
        ScanInput in = Fixtures.withPrior(Fixtures.postmenopausal(fn("0.800")), Manufacturer.HOLOGIC,
                Measurement.of(Site.FEMORAL_NECK, Laterality.RIGHT, "0.900"));
        assertTrue(calculator.compute(in).change().isEmpty());
    }
}
