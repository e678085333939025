package org.dxaflow.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Failed logins, counted per username and address together, and per address: after
 * {@code maxFailures} for one username from one address within {@code window} (or four times as many
 * from one address, whatever the usernames: password spraying), further attempts are refused (429)
 * until the window has passed, whatever the password, so guessing is slow and a refused guess costs
 * no bcrypt. A user's own colleague on another machine is not locked out by someone guessing.
 */
public final class LoginGuard {

    private static final int MAX_KEYS = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    public LoginGuard(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** Seconds until the username or address may try again; 0 when it may now. */
    public synchronized long blockedFor(String username, String address) {
        return Math.max(blocked(pair(username, address), maxFailures), blocked("addr:" + address, maxFailures * 4));
    }

    public synchronized void failed(String username, String address) {
        add(pair(username, address));
        add("addr:" + address);
    }

    public synchronized void succeeded(String username, String address) {
        failures.remove(pair(username, address));
    }

    private static String pair(String username, String address) {
        return "user:" + username + "@" + address;
    }

    private long blocked(String key, int max) {
        Deque<Instant> times = prune(key);
        if (times.size() < max) {
            return 0;
        }
        return Math.max(1, Duration.between(clock.instant(), times.peekFirst().plus(window)).toSeconds());
    }

    private void add(String key) {
        prune(key).addLast(clock.instant());
        if (failures.size() > MAX_KEYS) {
            // many names or addresses tried once each: forget those whose failures are all old
            failures.keySet().removeIf(k -> prune(k).isEmpty());
        }
    }

    private Deque<Instant> prune(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        Instant oldest = clock.instant().minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
            times.pollFirst();
        }
        return times;
    }
}
