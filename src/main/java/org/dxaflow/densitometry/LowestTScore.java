package org.dxaflow.densitometry;

import java.math.BigDecimal;

/** The lowest presented T-score among the diagnostic sites; {@code source} says whose value it is. */
public record LowestTScore(Site site, Laterality laterality, BigDecimal value, ScoreSource source) {
}
