package org.dxaflow.results.mapping;

import java.util.Locale;
import java.util.Optional;

/** The canonical quantities a result carries per site: BMD (g/cm²), BMC (g), area (cm²), vendor T and Z. */
public enum Quantity {
    BMD, BMC, AREA, T_SCORE, Z_SCORE;

    /** For "unknown quantity" errors in mapping files. */
    static final String NAMES = "BMD, BMC, AREA, T_SCORE, Z_SCORE";

    static Optional<Quantity> parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Quantity q : values()) {
            if (q.name().equals(key)) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }
}
