package org.dxaflow.densitometry;

import java.util.Locale;
import java.util.Optional;

/**
 * DXA manufacturer. Each has its own calibration, so BMD values are on different scales and
 * must be converted (sBMD) before being compared with a reference or with each other.
 */
public enum Manufacturer {
    HOLOGIC, GE_LUNAR, NORLAND, OTHER;

    public static Optional<Manufacturer> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return switch (key) {
            case "HOLOGIC" -> Optional.of(HOLOGIC);
            case "GE_LUNAR", "LUNAR", "GE", "GE_HEALTHCARE" -> Optional.of(GE_LUNAR);
            case "NORLAND" -> Optional.of(NORLAND);
            case "OTHER" -> Optional.of(OTHER);
            default -> Optional.empty();
        };
    }
}
