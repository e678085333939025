package org.dxaflow.densitometry;

import java.math.BigDecimal;

/**
 * The lowest presented T-score among the diagnostic sites; {@code source} says whose value it is.
 * {@code forDiagnosis} is false for men under 50 and women before the menopause (ISCD: the Z-score,
 * not the T-score, is used for them); {@code label} then says "not for diagnosis".
 */
public record LowestTScore(Site site, Laterality laterality, BigDecimal value, ScoreSource source,
                           boolean forDiagnosis, String label) {
}
