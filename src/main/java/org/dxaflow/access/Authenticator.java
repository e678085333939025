package org.dxaflow.access;

import org.dxaflow.audit.AuditEvent;
import org.dxaflow.audit.AuditLog;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, and may they: HTTP Basic credentials checked against the user directory
 * (bcrypt, constant time), failed logins limited per user and address, the role checked against
 * what the endpoint allows. Every refusal is audited; a success is audited with what it did.
 */
public final class Authenticator {

    private final UserDirectory users;
    private final Passwords passwords;
    private final LoginGuard guard;
    private final CredentialCache verified;
    private final AuditLog audit;
    private final Clock clock;

    public Authenticator(UserDirectory users, Passwords passwords, LoginGuard guard, AuditLog audit, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.guard = guard;
        this.verified = new CredentialCache(java.time.Duration.ofMinutes(5), clock);
        this.audit = audit;
        this.clock = clock;
    }

    /** @param authorization the Authorization header, or null */
    public Caller authenticate(String authorization, String address) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new AccessDeniedException(401, "credentials required (HTTP Basic)");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AccessDeniedException(401, "the Authorization header is not valid Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new AccessDeniedException(401, "the Authorization header is not valid Basic credentials");
        }
        String username = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        long wait = guard.blockedFor(username, address);
        if (wait > 0) {
            record(username, "", address, "LOGIN", AuditEvent.DENIED, "too many failed logins");
            throw new AccessDeniedException(429, "too many failed logins; try again in " + wait + " s", wait);
        }
        Optional<User> user = users.find(username);
        String hash = user.map(User::passwordHash).orElse(null);
        boolean ok = hash != null && verified.verified(username, password, hash);
        if (!ok) {
            ok = passwords.matches(password, hash);
            if (ok) {
                verified.remember(username, password, hash);
            }
        }
        if (!ok) {
            guard.failed(username, address);
            record(username, "", address, "LOGIN", AuditEvent.FAILURE,
                    user.isPresent() ? "wrong password" : "unknown user");
            throw new AccessDeniedException(401, "wrong username or password");
        }
        guard.succeeded(username, address);
        return new Caller(user.get(), address);
    }

    /** Refuses (403) a caller with none of the roles. */
    public void authorize(Caller caller, Set<Role> allowed, String action) {
        if (!caller.user().mayAct(allowed)) {
            record(caller.username(), roles(caller.user()), caller.address(), action, AuditEvent.DENIED,
                    "needs one of " + allowed.stream().map(Role::externalName).sorted().collect(Collectors.joining(", ")));
            throw new AccessDeniedException(403, caller.username() + " may not do this: it needs the role "
                    + allowed.stream().map(Role::externalName).sorted().collect(Collectors.joining(" or ")));
        }
    }

    public static String roles(User user) {
        return user.roles().stream().map(Role::externalName).sorted().collect(Collectors.joining(","));
    }

    private void record(String username, String roles, String address, String action, String outcome, String detail) {
        audit.record(new AuditEvent(clock.instant(), username, roles, address, action, null, null, null, outcome,
                detail));
    }
}
