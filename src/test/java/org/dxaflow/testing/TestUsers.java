package org.dxaflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The users every test engine knows (written once per test JVM as a users.yaml the engine is
 * pointed at): one per role, named after it, and {@link #DEFAULT}, an admin named as the
 * practitioner the existing tests' decision bodies name (PRAC-0002, Dr Ruth Bell), so a decision
 * posted with the default client is recorded under that practitioner. Hashes are bcrypt at cost 4,
 * the minimum, so tests do not spend seconds hashing; shipped hashes are cost 12.
 */
public final class TestUsers {

    public static final String PASSWORD = "test-password-not-secret";
    public static final String DEFAULT = "PRAC-0002";
    public static final List<String> ROLES = List.of("practitioner", "reporter", "operator", "engineer", "admin");

    private static Path file;

    private TestUsers() {
    }

    /** The users file, written on first use. */
    public static synchronized Path file() {
        if (file == null) {
            BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
            StringBuilder yaml = new StringBuilder("users:\n");
            yaml.append(user(DEFAULT, "Dr Ruth Bell", "Consultant radiologist", "GMC 1234567", "admin", bcrypt));
            for (String role : ROLES) {
                yaml.append(user(role, "Test " + role, "Test " + role + " title", "", role, bcrypt));
            }
            try {
                Path f = Files.createTempFile("dxaflow-test-users-", ".yaml");
                Files.writeString(f, yaml);
                f.toFile().deleteOnExit();
                file = f;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }

    private static String user(String username, String name, String title, String registration, String role,
                               BCryptPasswordEncoder bcrypt) {
        return "  - username: " + username + "\n    name: " + name + "\n    title: " + title
                + "\n    registration: \"" + registration + "\"\n    roles: [" + role + "]\n    passwordHash: \""
                + bcrypt.encode(PASSWORD) + "\"\n";
    }
}
