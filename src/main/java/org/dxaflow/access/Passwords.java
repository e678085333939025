package org.dxaflow.access;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * bcrypt through spring-security-crypto: hashes with a per-password salt, compares in constant
 * time. An unknown user is checked against a dummy hash, so the answer takes as long as for a
 * known one and does not tell which usernames exist.
 */
public final class Passwords {

    /** Work factor of new hashes: 2^12 rounds, about a quarter of a second on a server core. */
    public static final int STRENGTH = 12;

    private final BCryptPasswordEncoder encoder;
    private final String dummy;

    public Passwords() {
        this(STRENGTH);
    }

    public Passwords(int strength) {
        this.encoder = new BCryptPasswordEncoder(strength);
        this.dummy = encoder.encode("dxaflow-no-such-user");
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    /** @param hash null for an unknown user: the dummy is checked and false returned */
    public boolean matches(String password, String hash) {
        if (hash == null) {
            encoder.matches(password, dummy);
            return false;
        }
        return encoder.matches(password, hash);
    }

    /** Whether a text looks like a bcrypt hash ($2a$, $2b$ or $2y$, cost, 53 characters of salt and hash). */
    public static boolean isHash(String text) {
        return text != null && text.matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    }
}
