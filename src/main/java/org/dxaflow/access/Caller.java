package org.dxaflow.access;

/**
 * The signed-in user of one API request and where it came from: the actor the audit trail, the
 * IRMER record and the report show.
 */
public record Caller(User user, String address) {

    public String username() {
        return user.username();
    }
}
