package org.dxaflow.densitometry;

import java.util.Locale;
import java.util.Optional;

/** Side of a paired site; null (absent) for midline sites such as the lumbar spine. */
public enum Laterality {
    LEFT, RIGHT;

    public static Optional<Laterality> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().toUpperCase(Locale.ROOT);
        return switch (key) {
            case "LEFT", "L" -> Optional.of(LEFT);
            case "RIGHT", "R" -> Optional.of(RIGHT);
            default -> Optional.empty();
        };
    }
}
