package org.dxaflow.densitometry;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Optional;

/** Sex as used by the reference populations (NHANES III tabulates by sex), external codes F / M. */
public enum Sex {
    F, M;

    @JsonValue
    public String code() {
        return name();
    }

    public static Optional<Sex> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "F", "FEMALE" -> Optional.of(F);
            case "M", "MALE" -> Optional.of(M);
            default -> Optional.empty();
        };
    }
}
