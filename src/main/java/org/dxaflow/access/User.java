package org.dxaflow.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * A person who signs in. {@code name}, {@code title} and {@code registration} are what the IRMER
 * record and the reports print for their actions (a practitioner's decision, a reporter's
 * verification), so they come from here, never from a request body.
 *
 * @param passwordHash a bcrypt hash ({@code hash-password} makes one); never the password
 */
public record User(String username, String name, String title, String registration, Set<Role> roles,
                   String passwordHash) {

    public User {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        name = name == null || name.isBlank() ? username : name.trim();
        title = title == null ? "" : title.trim();
        registration = registration == null ? "" : registration.trim();
    }

    /** True when the user has any of {@code allowed}, or is an admin. */
    public boolean mayAct(Set<Role> allowed) {
        return roles.contains(Role.ADMIN) || roles.stream().anyMatch(allowed::contains);
    }

    @Override
    public String toString() {
        // a record's toString would print the hash
        return "User[" + username + " " + roles + "]";
    }
}
