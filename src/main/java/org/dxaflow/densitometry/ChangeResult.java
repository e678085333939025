package org.dxaflow.densitometry;

import java.math.BigDecimal;

/**
 * Serial change of one region against the prior. {@code deltaBmd} = current − prior (g/cm², prior on
 * the current scanner's scale), {@code percent} = delta / prior × 100. {@code significant} is null
 * when no LSC is configured for the region or the change is not comparable.
 */
public record ChangeResult(
        String site,
        Laterality laterality,
        BigDecimal deltaBmd,
        BigDecimal percent,
        BigDecimal lsc,
        Boolean significant,
        boolean comparable,
        String method,
        String note) {
}
