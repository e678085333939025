package org.dxaflow.densitometry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import org.dxaflow.clinical.Sex;

import static org.dxaflow.densitometry.Fixtures.d;
import static org.dxaflow.densitometry.Fixtures.fn;
import static org.dxaflow.densitometry.Fixtures.th;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * T-scores at the femoral neck (NHANES III NHW women 20-29: mean 0.858, SD 0.120 g/cm², Looker 1998)
 * and total hip (mean 0.942, SD 0.122) and the WHO category (WHO 1994: NORMAL T ≥ −1.0, OSTEOPOROSIS
 * T ≤ −2.5). Expected values are hand arithmetic; the category is decided on the presented
 * one-decimal score, rounded half away from zero.
 */
class WhoClassificationTest {

    private final DensitometryCalculator calculator = Fixtures.calculator();

    @ParameterizedTest(name = "FN {0} g/cm² -> T {1} -> {2}")
    @CsvSource({
            // (0.738 − 0.858) / 0.120 = −0.120 / 0.120 = −1.0 exactly           -> NORMAL (boundary)
            "0.738, -1.0, NORMAL",
            // (0.739 − 0.858) / 0.120 = −0.119 / 0.120 = −0.99166…  -> −1.0      -> NORMAL (just above)
            "0.739, -1.0, NORMAL",
            // (0.737 − 0.858) / 0.120 = −0.121 / 0.120 = −1.00833…  -> −1.0      -> NORMAL (just below, rounds to −1.0)
            "0.737, -1.0, NORMAL",
            // (0.750 − 0.858) / 0.120 = −0.108 / 0.120 = −0.9                    -> NORMAL
            "0.750, -0.9, NORMAL",
            // (0.732 − 0.858) / 0.120 = −0.126 / 0.120 = −1.05 (tie) -> −1.1     -> OSTEOPENIA
            "0.732, -1.1, OSTEOPENIA",
            // (0.726 − 0.858) / 0.120 = −0.132 / 0.120 = −1.1                    -> OSTEOPENIA
            "0.726, -1.1, OSTEOPENIA",
            // (0.570 − 0.858) / 0.120 = −0.288 / 0.120 = −2.4                    -> OSTEOPENIA
            "0.570, -2.4, OSTEOPENIA",
            // (0.565 − 0.858) / 0.120 = −0.293 / 0.120 = −2.44166…  -> −2.4      -> OSTEOPENIA (just above)
            "0.565, -2.4, OSTEOPENIA",
            // (0.564 − 0.858) / 0.120 = −0.294 / 0.120 = −2.45 (tie) -> −2.5     -> OSTEOPOROSIS
            "0.564, -2.5, OSTEOPOROSIS",
            // (0.558 − 0.858) / 0.120 = −0.300 / 0.120 = −2.5 exactly            -> OSTEOPOROSIS (boundary)
            "0.558, -2.5, OSTEOPOROSIS",
            // (0.557 − 0.858) / 0.120 = −0.301 / 0.120 = −2.50833…  -> −2.5      -> OSTEOPOROSIS (just below)
            "0.557, -2.5, OSTEOPOROSIS",
            // (0.546 − 0.858) / 0.120 = −0.312 / 0.120 = −2.6                    -> OSTEOPOROSIS
            "0.546, -2.6, OSTEOPOROSIS",
    })
    void femoralNeckBoundaries(String bmd, String expectedT, WhoCategory expected) {
        DensitometryResult r = calculator.compute(Fixtures.postmenopausal(fn(bmd)));
        assertEquals(d(expectedT), Fixtures.site(r, Site.FEMORAL_NECK).tScore());
        assertEquals(expected, r.whoCategory());
        assertEquals(d(expectedT), r.lowestTScore().value());
        assertEquals(ScoreSource.ENGINE, r.lowestTScore().source());
    }

    @Test
    void issueExampleFemoralNeck0558IsOsteoporosis() {
        // (0.558 − 0.858) / 0.120 = −2.5 -> OSTEOPOROSIS; reference shown as {name, 0.858, 0.120}
        DensitometryResult r = calculator.compute(Fixtures.postmenopausal(fn("0.558")));
        SiteResult neck = Fixtures.site(r, Site.FEMORAL_NECK);
        assertEquals(d("0.858"), neck.reference().mean());
        assertEquals(d("0.120"), neck.reference().sd());
        assertEquals(Laterality.LEFT, r.lowestTScore().laterality());
        assertEquals(WhoCategory.OSTEOPOROSIS, r.whoCategory());
        assertNull(r.zScoreInterpretation(), "WHO applies, so no Z-score wording");
    }

    @Test
    void fragilityFractureMakesOsteoporosisSevere() {
        // T = −2.5 (as above) with a fragility fracture -> SEVERE_OSTEOPOROSIS
        ScanInput in = Fixtures.woman(true, LocalDate.of(1955, 3, 12), Manufacturer.HOLOGIC, true, fn("0.558"));
        assertEquals(WhoCategory.SEVERE_OSTEOPOROSIS, calculator.compute(in).whoCategory());
    }

    @Test
    void fragilityFractureDoesNotChangeOsteopenia() {
        // (0.570 − 0.858) / 0.120 = −2.4 -> OSTEOPENIA even with a fracture
        ScanInput in = Fixtures.woman(true, LocalDate.of(1955, 3, 12), Manufacturer.HOLOGIC, true, fn("0.570"));
        assertEquals(WhoCategory.OSTEOPENIA, calculator.compute(in).whoCategory());
    }

    @Test
    void lowestOfFemoralNeckAndTotalHipDecides() {
        // FN: (0.700 − 0.858) / 0.120 = −0.158 / 0.120 = −1.31666… -> −1.3
        // TH: (0.698 − 0.942) / 0.122 = −0.244 / 0.122 = −2.0
        // lowest = total hip −2.0 -> OSTEOPENIA
        DensitometryResult r = calculator.compute(Fixtures.postmenopausal(fn("0.700"), th("0.698")));
        assertEquals(d("-1.3"), Fixtures.site(r, Site.FEMORAL_NECK).tScore());
        assertEquals(d("-2.0"), Fixtures.site(r, Site.TOTAL_HIP).tScore());
        assertEquals(Site.TOTAL_HIP, r.lowestTScore().site());
        assertEquals(d("-2.0"), r.lowestTScore().value());
        assertEquals(WhoCategory.OSTEOPENIA, r.whoCategory());
    }

    @Test
    void totalHipAtOsteoporosisBoundary() {
        // TH: (0.637 − 0.942) / 0.122 = −0.305 / 0.122 = −2.5 exactly -> OSTEOPOROSIS
        DensitometryResult r = calculator.compute(Fixtures.postmenopausal(th("0.637")));
        assertEquals(d("-2.5"), r.lowestTScore().value());
        assertEquals(WhoCategory.OSTEOPOROSIS, r.whoCategory());
    }

    @Test
    void manAged50GetsWhoCategoryAgainstFemaleReference() {
        // born 1976-11-28, scanned 2026-11-28 -> 50 years: WHO applies (ISCD: men aged 50 and over)
        // female reference (ISCD): (0.700 − 0.858) / 0.120 = −1.3 -> OSTEOPENIA
        DensitometryResult r = calculator.compute(Fixtures.man(LocalDate.of(1976, 11, 28), fn("0.700")));
        assertEquals(d("-1.3"), r.lowestTScore().value());
        assertEquals(WhoCategory.OSTEOPENIA, r.whoCategory());
    }

    @Test
    void manAged49GetsNoWhoCategory() {
        // born 1976-11-29, scanned 2026-11-28 -> still 49: no WHO category, Z-score decides
        DensitometryResult r = calculator.compute(Fixtures.man(LocalDate.of(1976, 11, 29),
                fn("0.700").withVendorScores("-1.3", "-1.0")));
        assertNull(r.whoCategory());
        assertEquals("within the expected range for age", r.zScoreInterpretation());
    }

    @Test
    void menReferenceSwitchedToMaleWithoutMaleBandIsNotComputable() {
        // tScoreReferenceForMen: male, but no cited NHW male band is configured -> engine T not
        // computable; the vendor's T (−1.1) is reported, labelled, and used for the category.
        DensitometryCalculator maleRef = Fixtures.calculator(
                Fixtures.settings(Sex.M));
        DensitometryResult r = maleRef.compute(Fixtures.man(LocalDate.of(1960, 1, 1),
                fn("0.700").withVendorScores("-1.1", null)));
        SiteResult neck = Fixtures.site(r, Site.FEMORAL_NECK);
        assertNull(neck.tScore());
        assertEquals(d("-1.1"), neck.vendorTScore());
        assertEquals(true, neck.tScoreNote().startsWith("not computable: no reference configured"));
        assertEquals(ScoreSource.VENDOR, r.lowestTScore().source());
        assertEquals(WhoCategory.OSTEOPENIA, r.whoCategory());
    }

    @Test
    void classifierBoundariesDirectly() {
        WhoClassifier who = new WhoClassifier(Fixtures.CONF.settings());
        assertEquals(WhoCategory.NORMAL, who.classify(d("-1.0"), false));
        assertEquals(WhoCategory.OSTEOPENIA, who.classify(d("-1.1"), false));
        assertEquals(WhoCategory.OSTEOPENIA, who.classify(d("-2.4"), true));
        assertEquals(WhoCategory.OSTEOPOROSIS, who.classify(d("-2.5"), false));
        assertEquals(WhoCategory.SEVERE_OSTEOPOROSIS, who.classify(d("-2.5"), true));
        assertEquals(WhoCategory.NORMAL, who.classify(d("0.5"), true));
    }
}
