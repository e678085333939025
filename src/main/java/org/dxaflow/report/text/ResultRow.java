package org.dxaflow.report.text;

import java.util.Optional;

/**
 * One line of the results as printed (text and PDF table): values as the result stores them (BMD to
 * three decimals, scores to one), empty text where there is none. {@code tScanner}/{@code zScanner}
 * mark the scanner's own value shown because the engine has none.
 *
 * @param site   the region as the result names it ("FEMORAL_NECK", "L1-L4"), to match its change
 * @param change the change against the prior for this region, when there is one
 */
public record ResultRow(String site, String name, String side, String bmd, String t, boolean tScanner,
                        String z, boolean zScanner, Optional<ChangeRow> change) {
}
