package org.dxaflow.densitometry;

import java.math.BigDecimal;
import java.util.List;

/**
 * Lumbar spine as the result uses it. {@code bmd} = ΣBMC / Σarea of the included vertebrae (null when
 * BMC/area were not supplied for all of them); {@code label} is "L1-L4" for a contiguous range or e.g.
 * "L1,L2,L4" otherwise. The spine T-score is the engine's when a spine reference is configured,
 * otherwise the vendor's for exactly the included vertebrae (source says which), else null.
 *
 * <p>{@code excludedVertebrae} are PROPOSED exclusions until a reporter confirms them; when any is
 * proposed, {@code allVertebrae} is the same spine with every measured vertebra, so a reader sees
 * both (null otherwise).
 */
public record SpineResult(
        String label,
        BigDecimal bmd,
        BigDecimal tScore,
        ScoreSource tScoreSource,
        BigDecimal zScore,
        ScoreSource zScoreSource,
        List<Site> includedVertebrae,
        List<ExcludedVertebra> excludedVertebrae,
        String note,
        SpineResult allVertebrae) {

    public SpineResult {
        includedVertebrae = List.copyOf(includedVertebrae);
        excludedVertebrae = List.copyOf(excludedVertebrae);
    }
}
