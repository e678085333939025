package org.dxaflow.densitometry;

import java.math.BigDecimal;

/**
 * Per-site output. {@code tScore}/{@code zScore} are the engine's own values (presented to one
 * decimal) or null with the reason in {@code tScoreNote}/{@code zScoreNote}; the vendor's values are
 * reported next to them, never substituted silently. {@code referenceScaleBmd} and
 * {@code conversion} are set when the BMD had to be moved onto the reference's calibration by sBMD.
 */
public record SiteResult(
        Site site,
        Laterality laterality,
        BigDecimal bmd,
        BigDecimal tScore,
        BigDecimal zScore,
        BigDecimal vendorTScore,
        BigDecimal vendorZScore,
        ReferenceInfo reference,
        ReferenceInfo zReference,
        BigDecimal referenceScaleBmd,
        String conversion,
        String tScoreNote,
        String zScoreNote) {
}
