package org.dxaflow.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Credentials bcrypt has verified recently, so that automation sending HTTP Basic on every request
 * does not pay a quarter of a second of CPU each time. Held as a salted SHA-256 of the password
 * (the salt is random per process and never leaves it), tied to the hash it was checked against: a
 * changed password or user misses, and an entry lives {@code ttl} at most.
 */
final class CredentialCache {

    private static final int MAX_ENTRIES = 1000;

    private record Entry(String passwordHash, Instant expires) {
    }

    private final byte[] salt = new byte[32];
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    CredentialCache(Duration ttl, Clock clock) {
        new SecureRandom().nextBytes(salt);
        this.ttl = ttl;
        this.clock = clock;
    }

    synchronized boolean verified(String username, String password, String passwordHash) {
        Entry e = entries.get(key(username, password));
        return e != null && e.passwordHash().equals(passwordHash) && e.expires().isAfter(clock.instant());
    }

    synchronized void remember(String username, String password, String passwordHash) {
        entries.put(key(username, password), new Entry(passwordHash, clock.instant().plus(ttl)));
    }

    private String key(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
