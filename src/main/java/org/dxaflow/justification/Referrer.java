package org.dxaflow.justification;

import java.util.Objects;

/**
 * Who signed the referral (ORC-12/OBR-16). Either part may be empty: an unsigned referral is a
 * normal input that the gate returns, not a parsing error.
 */
public record Referrer(String id, String name) {

    public static final Referrer NONE = new Referrer("", "");

    public Referrer {
        id = Objects.requireNonNullElse(id, "").trim();
        name = Objects.requireNonNullElse(name, "").trim();
    }

    /** IRMER: it must be possible to identify the referrer; either an id or a name does that. */
    public boolean isIdentified() {
        return !id.isEmpty() || !name.isEmpty();
    }

    @Override
    public String toString() {
        return id.isEmpty() ? name : (name.isEmpty() ? id : name + " (" + id + ")");
    }
}
