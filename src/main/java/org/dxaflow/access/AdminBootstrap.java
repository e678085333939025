package org.dxaflow.access;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;

/**
 * The first admin. With {@code DXAFLOW_ADMIN_USER} and {@code DXAFLOW_ADMIN_PASSWORD} set, that
 * admin is created or its password updated at every start. Without them, and with no user at all,
 * the first start makes user {@code admin} with a strong random password and prints it once, to the
 * console only (never to the log file); only its hash is kept.
 */
public final class AdminBootstrap {

    public static final String DEFAULT_ADMIN = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 24;

    private final UserDirectory users;
    private final EngineUserStore store;
    private final Passwords passwords;
    private final PrintStream console;
    private final Clock clock;

    public AdminBootstrap(UserDirectory users, EngineUserStore store, Passwords passwords, PrintStream console,
                          Clock clock) {
        this.users = users;
        this.store = store;
        this.passwords = passwords;
        this.console = console;
        this.clock = clock;
    }

    /** @return what was done, for the log (never the password) */
    public String run(String adminUser, String adminPassword) {
        if (adminUser != null && !adminUser.isBlank()) {
            if (adminPassword == null || adminPassword.isEmpty()) {
                throw new IllegalStateException("DXAFLOW_ADMIN_USER is set without DXAFLOW_ADMIN_PASSWORD");
            }
            String username = adminUser.trim();
            boolean same = store.get(username).map(u -> passwords.matches(adminPassword, u.passwordHash())).orElse(false);
            if (!same) {
                store.put(new User(username, username, "", "", EnumSet.of(Role.ADMIN), passwords.hash(adminPassword)),
                        clock.instant());
            }
            return same ? "admin " + username + " from DXAFLOW_ADMIN_USER: unchanged"
                    : "admin " + username + " from DXAFLOW_ADMIN_USER: created or updated";
        }
        if (!users.isEmpty()) {
            return "users: " + users.all().size();
        }
        String password = generate();
        store.put(new User(DEFAULT_ADMIN, "Administrator", "", "", EnumSet.of(Role.ADMIN), passwords.hash(password)),
                clock.instant());
        console.println();
        console.println("  dxaflow: first start, no users. Created user '" + DEFAULT_ADMIN + "' (role admin) with password:");
        console.println();
        console.println("      " + password);
        console.println();
        console.println("  It is shown this once and kept only as a hash. Add users in conf/users.yaml");
        console.println("  (java -jar dxaflow.jar hash-password), or set DXAFLOW_ADMIN_USER/DXAFLOW_ADMIN_PASSWORD.");
        console.println();
        console.flush();
        return "first start: created admin '" + DEFAULT_ADMIN + "' (its password was printed to the console)";
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
