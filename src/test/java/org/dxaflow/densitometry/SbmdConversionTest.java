package org.dxaflow.densitometry;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.dxaflow.densitometry.Fixtures.d;
import static org.dxaflow.densitometry.Fixtures.fn;
import static org.dxaflow.densitometry.Fixtures.th;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GE Lunar results are moved onto the Hologic scale of NHANES III with the published sBMD equations
 * (g/cm²): FN Lunar sBMD = −0.023 + 0.939 × BMD, FN Hologic sBMD = 0.019 + 1.087 × BMD (Lu 2001);
 * total hip Lunar sBMD = −0.031 + 0.979 × BMD, Hologic sBMD = 0.006 + 1.008 × BMD.
 */
class SbmdConversionTest {

    private final DensitometryCalculator calculator = Fixtures.calculator();
    private final SbmdConversion conversion = new SbmdConversion(Fixtures.CONF.referenceData());

    private static void assertClose(String expected, BigDecimal actual) {
        assertTrue(d(expected).subtract(actual).abs().compareTo(d("0.0000000001")) < 0,
                "expected ≈ " + expected + " but was " + actual);
    }

    @Test
    void lunarFemoralNeckWorkedByHand() {
        // sBMD  = −0.023 + 0.939 × 0.700 = −0.023 + 0.6573 = 0.6343
        // Hologic-equivalent = (0.6343 − 0.019) / 1.087 = 0.6153 / 1.087 = 0.5660533578…
        // T = (0.5660533578 − 0.858) / 0.120 = −0.2919466422 / 0.120 = −2.4328886… -> −2.4 -> OSTEOPENIA
        ScanInput in = Fixtures.woman(true, LocalDate.of(1955, 3, 12), Manufacturer.GE_LUNAR, false, fn("0.700"));
        DensitometryResult r = calculator.compute(in);
        SiteResult neck = Fixtures.site(r, Site.FEMORAL_NECK);
        assertClose("0.5660533578", neck.referenceScaleBmd());
        assertEquals(d("-2.4"), neck.tScore());
        assertTrue(neck.conversion().contains("sBMD 0.6343"));
        assertEquals(WhoCategory.OSTEOPENIA, r.whoCategory());
    }

    @Test
    void lunarTotalHipWorkedByHand() {
        // sBMD  = −0.031 + 0.979 × 0.800 = −0.031 + 0.7832 = 0.7522
        // Hologic-equivalent = (0.7522 − 0.006) / 1.008 = 0.7462 / 1.008 = 0.7402777…
        // T = (0.7402777 − 0.942) / 0.122 = −0.2017222 / 0.122 = −1.6534608… -> −1.7
        ScanInput in = Fixtures.woman(true, LocalDate.of(1955, 3, 12), Manufacturer.GE_LUNAR, false, th("0.800"));
        SiteResult hip = Fixtures.site(calculator.compute(in), Site.TOTAL_HIP);
        assertClose("0.7402777778", hip.referenceScaleBmd());
        assertEquals(d("-1.7"), hip.tScore());
    }

    @Test
    void hologicNeedsNoConversion() {
        SiteResult neck = Fixtures.site(calculator.compute(Fixtures.postmenopausal(fn("0.700"))), Site.FEMORAL_NECK);
        assertNull(neck.referenceScaleBmd());
        assertNull(neck.conversion());
    }

    @Test
    void unknownManufacturerIsNotComputableAndVendorValueIsLabelled() {
        // OTHER has no published sBMD equation -> engine T not computable; vendor T −1.2 reported and
        // used (labelled VENDOR) for the category: −2.5 < −1.2 < −1.0 -> OSTEOPENIA
        ScanInput in = Fixtures.woman(true, LocalDate.of(1955, 3, 12), Manufacturer.OTHER, false,
                fn("0.700").withVendorScores("-1.2", null));
        DensitometryResult r = calculator.compute(in);
        SiteResult neck = Fixtures.site(r, Site.FEMORAL_NECK);
        assertNull(neck.tScore());
        assertTrue(neck.tScoreNote().contains("no published sBMD equation"));
        assertTrue(neck.tScoreNote().contains("vendor"));
        assertEquals(ScoreSource.VENDOR, r.lowestTScore().source());
        assertEquals(WhoCategory.OSTEOPENIA, r.whoCategory());
    }

    @Test
    void roundTripThroughSbmdIsIdentityForSameManufacturer() {
        assertEquals(d("0.700"), conversion.convert(d("0.700"), Manufacturer.GE_LUNAR, Manufacturer.GE_LUNAR,
                Site.FEMORAL_NECK).orElseThrow().value());
    }

    @Test
    void spineEquationIsCentredAsPublished() {
        // Hui 1997: Hologic sBMD = 1.0550 × (BMD − 0.972) + 1.0436; Lunar sBMD = 0.9683 × (BMD − 1.100) + 1.0436
        // Hologic 1.000 -> sBMD = 1.0550 × 0.028 + 1.0436 = 0.02954 + 1.0436 = 1.07314
        // -> Lunar = 1.100 + (1.07314 − 1.0436) / 0.9683 = 1.100 + 0.0305070742… = 1.1305070742…
        SbmdConversion.Converted c = conversion.convert(d("1.000"), Manufacturer.HOLOGIC, Manufacturer.GE_LUNAR,
                Site.L1_L4).orElseThrow();
        assertClose("1.07314", c.sbmd());
        assertClose("1.1305070743", c.value());
    }

    @Test
    void noEquationForRadius() {
        assertTrue(conversion.convert(d("0.650"), Manufacturer.GE_LUNAR, Manufacturer.HOLOGIC, Site.RADIUS_33).isEmpty());
    }
}
