package org.dxaflow.report.text;

/**
 * A serial change as printed: signed delta and percent, the LSC used and the word for its
 * significance ("significant", "not significant", "no LSC"), or not comparable.
 */
public record ChangeRow(String site, String name, String side, String current, String prior, String delta,
                        String percent, String lsc, String significance, boolean significant, boolean loss,
                        boolean comparable, boolean lscIsDefault) {
}
