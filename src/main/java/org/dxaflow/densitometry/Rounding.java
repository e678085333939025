package org.dxaflow.densitometry;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Arithmetic and presentation policy. All arithmetic is exact decimal (BigDecimal, 16 significant
 * digits for divisions), so (0.558 − 0.858) / 0.120 is exactly −2.5, not −2.4999999999999996 as in
 * binary floating point. Presentation rounds with HALF_UP, which for BigDecimal means ties away from
 * zero (−2.45 → −2.5): a tie is resolved towards the worse category, the conservative choice.
 * The number of decimals comes from conf (ISCD reporting convention, see settings.yaml).
 * Sixteen significant digits cannot create a false tie: with three-decimal BMD, mean and SD the
 * exact quotient is a fraction with a denominator of at most a few thousand, so it is either exactly
 * a tie or at least about 1e-5 away from one.
 */
public record Rounding(int scoreDecimals, int bmdDecimals, int percentDecimals) {

    public static final MathContext MC = MathContext.DECIMAL64;

    public BigDecimal score(BigDecimal exact) {
        return exact == null ? null : exact.setScale(scoreDecimals, RoundingMode.HALF_UP);
    }

    public BigDecimal bmd(BigDecimal exact) {
        return exact == null ? null : exact.setScale(bmdDecimals, RoundingMode.HALF_UP);
    }

    public BigDecimal percent(BigDecimal exact) {
        return exact == null ? null : exact.setScale(percentDecimals, RoundingMode.HALF_UP);
    }

    public String describe() {
        return "exact decimal arithmetic (" + MC.getPrecision() + " significant digits); scores presented to "
                + scoreDecimals + " decimal(s), BMD to " + bmdDecimals + ", percent change to " + percentDecimals
                + ", rounding half away from zero; WHO category and Z-score wording decided on the presented score";
    }
}
