package org.dxaflow.justification;

import java.util.Objects;

/** An IRMER practitioner: the person legally responsible for justifying the exposure. */
public record Practitioner(String id, String name, String role) {

    public Practitioner {
        id = requireText(id, "id");
        name = requireText(name, "name");
        role = Objects.requireNonNullElse(role, "").trim();
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("practitioner " + what + " is required");
        }
        return value.trim();
    }
}
