package org.dxaflow.densitometry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.dxaflow.densitometry.Fixtures.d;
import static org.dxaflow.densitometry.Fixtures.fn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Premenopausal women and men under 50: no WHO category; ISCD wording from the Z-score
 * ("below the expected range for age" when Z ≤ −2.0). The only cited age band is NHANES III NHW
 * women 20-29 (FN mean 0.858, SD 0.120; Looker 1998); other ages fall back to the vendor's Z-score.
 */
class ZScoreInterpretationTest {

    private final DensitometryCalculator calculator = Fixtures.calculator();

    /** Born 2001-06-01, scanned 2026-11-28: 25 years old, inside the 20-29 band. */
    private static ScanInput premenopausal25(Measurement... sites) {
        return Fixtures.woman(false, LocalDate.of(2001, 6, 1), Manufacturer.HOLOGIC, false, sites);
    }

    @ParameterizedTest(name = "FN {0} -> Z {1} -> {2}")
    @CsvSource({
            // (0.618 − 0.858) / 0.120 = −0.240 / 0.120 = −2.0 exactly     -> below (boundary)
            "0.618, -2.0, below the expected range for age",
            // (0.619 − 0.858) / 0.120 = −0.239 / 0.120 = −1.99166… -> −2.0  -> below (presented −2.0)
            "0.619, -2.0, below the expected range for age",
            // (0.625 − 0.858) / 0.120 = −0.233 / 0.120 = −1.94166… -> −1.9  -> within
            "0.625, -1.9, within the expected range for age",
            // (0.606 − 0.858) / 0.120 = −0.252 / 0.120 = −2.1               -> below
            "0.606, -2.1, below the expected range for age",
            // (0.858 − 0.858) / 0.120 = 0.0                                  -> within
            "0.858, 0.0, within the expected range for age",
    })
    void zScoreWordingAtTheMinusTwoBoundary(String bmd, String expectedZ, String wording) {
        DensitometryResult r = calculator.compute(premenopausal25(fn(bmd)));
        assertEquals(d(expectedZ), Fixtures.site(r, Site.FEMORAL_NECK).zScore());
        assertNull(r.whoCategory(), "premenopausal: WHO category must be null");
        assertEquals(wording, r.zScoreInterpretation());
    }

    @Test
    void lowZScoreRaisesFurtherInvestigationFlag() {
        // Z = (0.618 − 0.858) / 0.120 = −2.0 ≤ −2.0 -> LOW_Z_SCORE (seed: low BMD for age)
        DensitometryResult r = calculator.compute(premenopausal25(fn("0.618")));
        Flag flag = r.flags().stream().filter(f -> f.code() == FlagCode.LOW_Z_SCORE).findFirst().orElseThrow();
        assertTrue(flag.furtherInvestigation());
        assertEquals(Site.FEMORAL_NECK, flag.site());
    }

    @Test
    void noLowZFlagAtMinusOnePointNine() {
        // Z = (0.625 − 0.858) / 0.120 = −1.9 -> no flag
        assertTrue(calculator.compute(premenopausal25(fn("0.625"))).flags().stream()
                .noneMatch(f -> f.code() == FlagCode.LOW_Z_SCORE));
    }

    @Test
    void ageWithoutCitedBandUsesVendorZScoreLabelled() {
        // Born 1986-06-01 -> 40 at scan: no NHANES III band configured for women 40-49 -> engine Z null,
        // vendor Z −2.1 reported and used for the wording (−2.1 ≤ −2.0 -> below).
        ScanInput in = Fixtures.woman(false, LocalDate.of(1986, 6, 1), Manufacturer.HOLOGIC, false,
                fn("0.650").withVendorScores("-1.7", "-2.1"));
        DensitometryResult r = calculator.compute(in);
        SiteResult neck = Fixtures.site(r, Site.FEMORAL_NECK);
        assertNull(neck.zScore());
        assertTrue(neck.zScoreNote().contains("no reference configured"));
        assertTrue(neck.zScoreNote().contains("vendor"));
        assertEquals(d("-2.1"), neck.vendorZScore());
        assertEquals("below the expected range for age", r.zScoreInterpretation());
        assertTrue(r.flags().stream().anyMatch(f -> f.code() == FlagCode.LOW_Z_SCORE && f.message().contains("vendor's")));
        // The engine T-score is still computed and shown: (0.650 − 0.858) / 0.120 = −0.208 / 0.120 = −1.7333… -> −1.7
        assertEquals(d("-1.7"), neck.tScore());
    }

    @Test
    void noZScoreAtAllIsReportedNotGuessed() {
        // 40-year-old, no band, no vendor Z -> no wording; flagged instead
        ScanInput in = Fixtures.woman(false, LocalDate.of(1986, 6, 1), Manufacturer.HOLOGIC, false, fn("0.650"));
        DensitometryResult r = calculator.compute(in);
        assertNull(r.zScoreInterpretation());
        assertTrue(Fixtures.hasFlag(r, FlagCode.WHO_CATEGORY_NOT_DETERMINABLE));
    }

    @Test
    void lowZFlagAlsoForPostmenopausalWomen() {
        // Seed: low BMD for age is an indication at any age; here vendor Z −2.3 for a 71-year-old
        DensitometryResult r = calculator.compute(Fixtures.postmenopausal(fn("0.600").withVendorScores("-2.2", "-2.3")));
        assertEquals(WhoCategory.OSTEOPENIA, r.whoCategory()); // (0.600 − 0.858) / 0.120 = −2.15 -> −2.2
        assertTrue(Fixtures.hasFlag(r, FlagCode.LOW_Z_SCORE));
    }
}
