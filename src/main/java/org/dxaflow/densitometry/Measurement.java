package org.dxaflow.densitometry;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One measured region as delivered by the scanner. BMD in g/cm², BMC in g, area in cm².
 * Values are exact decimals as written by the scanner (BigDecimal), never binary floats, so that
 * hand arithmetic and the engine agree to the last digit. Vendor scores are the scanner's own
 * T-/Z-scores, carried only for comparison and as a labelled fallback.
 */
public record Measurement(
        Site site,
        Laterality laterality,
        BigDecimal bmd,
        BigDecimal bmc,
        BigDecimal area,
        BigDecimal vendorTScore,
        BigDecimal vendorZScore) {

    public Measurement {
        Objects.requireNonNull(site, "site");
    }

    public static Measurement of(Site site, Laterality laterality, String bmd) {
        return new Measurement(site, laterality, dec(bmd), null, null, null, null);
    }

    public Measurement withVendorScores(String tScore, String zScore) {
        return new Measurement(site, laterality, bmd, bmc, area, dec(tScore), dec(zScore));
    }

    public Measurement withBmcArea(String bmcGrams, String areaCm2) {
        return new Measurement(site, laterality, bmd, dec(bmcGrams), dec(areaCm2), vendorTScore, vendorZScore);
    }

    /** Same site and same side (null side matches null side). */
    public boolean sameRegion(Measurement other) {
        return site == other.site && laterality == other.laterality;
    }

    private static BigDecimal dec(String s) {
        return s == null ? null : new BigDecimal(s);
    }
}
