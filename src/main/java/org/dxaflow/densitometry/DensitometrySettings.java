package org.dxaflow.densitometry;

import java.math.BigDecimal;
import java.util.Objects;
import org.dxaflow.clinical.Sex;

/**
 * Clinical thresholds and switches, all read from conf/densitometry/settings.yaml where each value
 * carries its citation. Nothing here has a default in code: a missing value is a load error.
 *
 * @param tScoreReferenceForMen         reference sex for men's T-scores (ISCD: female)
 * @param whoNormalMin                  T ≥ this is NORMAL (WHO 1994: −1.0)
 * @param whoOsteoporosisMax            T ≤ this is OSTEOPOROSIS (WHO 1994: −2.5)
 * @param whoMinimumAgeMen              men from this age get a WHO category (ISCD: 50)
 * @param zScoreBelowExpectedMax        Z ≤ this is "below the expected range for age" (ISCD: −2.0)
 * @param vendorDisagreementThreshold   |engine − vendor| above this is flagged
 * @param vertebralExclusionDifference  T-score difference to adjacent vertebrae for exclusion (ISCD: 1.0)
 * @param minimumVertebrae              exclusion stops when this many remain (ISCD: 2)
 * @param vfaFractureFromGenantGrade    a VFA Genant grade from this one up counts as a vertebral fracture;
 *                                      a lower non-zero grade goes to the reporter
 */
public record DensitometrySettings(
        Sex tScoreReferenceForMen,
        BigDecimal whoNormalMin,
        BigDecimal whoOsteoporosisMax,
        int whoMinimumAgeMen,
        BigDecimal zScoreBelowExpectedMax,
        String zWordingBelow,
        String zWordingWithin,
        BigDecimal vendorDisagreementThreshold,
        BigDecimal vertebralExclusionDifference,
        int minimumVertebrae,
        int vfaFractureFromGenantGrade,
        Rounding rounding,
        String fraxToolUrl,
        String source) {

    public DensitometrySettings {
        Objects.requireNonNull(tScoreReferenceForMen);
        Objects.requireNonNull(whoNormalMin);
        Objects.requireNonNull(whoOsteoporosisMax);
        Objects.requireNonNull(zScoreBelowExpectedMax);
        Objects.requireNonNull(vendorDisagreementThreshold);
        Objects.requireNonNull(vertebralExclusionDifference);
        Objects.requireNonNull(rounding);
        if (whoOsteoporosisMax.compareTo(whoNormalMin) >= 0) {
            throw new IllegalArgumentException("osteoporosis threshold must be below the normal threshold");
        }
        if (vfaFractureFromGenantGrade < 1 || vfaFractureFromGenantGrade > 3) {
            throw new IllegalArgumentException("vfaFractureFromGenantGrade must be 1 to 3");
        }
        if (minimumVertebrae < 1) {
            throw new IllegalArgumentException("minimumVertebrae must be at least 1");
        }
    }
}
