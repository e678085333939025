package org.dxaflow.access;

import java.util.Locale;
import java.util.Optional;

/**
 * What a user may do through the API. Each endpoint names the roles it needs in
 * routes/api.camel.yaml; ADMIN may do everything, including managing users.
 */
public enum Role {
    /** IRMER practitioner: justification decisions. */
    PRACTITIONER,
    /** Verifies and amends reports. */
    REPORTER,
    /** Runs the service: orders, worklist, results reconciliation, resends. */
    OPERATOR,
    /** Integration engineer: configuration, messages, deliveries. */
    ENGINEER,
    ADMIN;

    /** As written in conf/users.yaml and the routes: lower case. */
    public String externalName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Role r : values()) {
            if (r.externalName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
