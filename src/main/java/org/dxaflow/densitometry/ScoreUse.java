package org.dxaflow.densitometry;

/** What a reference population may be used for: young-adult T-scores, age-matched Z-scores, or both. */
public enum ScoreUse {
    T_SCORE, Z_SCORE
}
