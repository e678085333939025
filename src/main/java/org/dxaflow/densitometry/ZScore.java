package org.dxaflow.densitometry;

import java.math.BigDecimal;

/** Z-score = (BMD − age- and sex-matched mean) / matched SD, on the reference's scale. */
public record ZScore(BigDecimal exact, BigDecimal reported, ReferencePopulation reference, BigDecimal bmdOnReferenceScale) {

    public static ZScore compute(BigDecimal bmdOnReferenceScale, ReferencePopulation ageMatched, Rounding rounding) {
        BigDecimal exact = StandardScore.of(bmdOnReferenceScale, ageMatched);
        return new ZScore(exact, rounding.score(exact), ageMatched, bmdOnReferenceScale);
    }
}
