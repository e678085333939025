package org.dxaflow.densitometry;

import java.math.BigDecimal;

/**
 * T-score = (BMD − young-adult mean) / young-adult SD, with the BMD first expressed on the
 * reference's calibration scale. {@code exact} is kept for comparisons (vendor disagreement),
 * {@code reported} is what a report shows and what the WHO category is decided on.
 */
public record TScore(BigDecimal exact, BigDecimal reported, ReferencePopulation reference, BigDecimal bmdOnReferenceScale) {

    public static TScore compute(BigDecimal bmdOnReferenceScale, ReferencePopulation youngAdult, Rounding rounding) {
        BigDecimal exact = StandardScore.of(bmdOnReferenceScale, youngAdult);
        return new TScore(exact, rounding.score(exact), youngAdult, bmdOnReferenceScale);
    }
}
