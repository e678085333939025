package org.dxaflow.densitometry;

import java.math.BigDecimal;

/**
 * Serial change of one region against the prior. {@code deltaBmd} = current − prior (g/cm², prior on
 * the current device's scale), {@code percent} = delta / prior × 100.
 * <ul>
 *   <li>{@code comparable} false: the two scans cannot be compared quantitatively (another device or
 *       manufacturer without a configured cross-calibration); both BMDs are shown, and
 *       {@code priorOnCurrentScale} carries the sBMD estimate for information only; no delta, no
 *       significance.</li>
 *   <li>{@code significant} null when no LSC is configured for the region.</li>
 *   <li>{@code lscIsDefault} true when the LSC is the shipped default, not this device's precision study.</li>
 * </ul>
 */
public record ChangeResult(
        String site,
        Laterality laterality,
        BigDecimal currentBmd,
        BigDecimal priorBmd,
        BigDecimal priorOnCurrentScale,
        BigDecimal deltaBmd,
        BigDecimal percent,
        BigDecimal lsc,
        boolean lscIsDefault,
        Boolean significant,
        boolean comparable,
        String method,
        String note) {
}
