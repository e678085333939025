package org.dxaflow.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everyone who may sign in: the users of {@code conf/users.yaml} first, then the engine's own (the
 * bootstrap admin). A username in both is the file's.
 */
public final class UserDirectory {

    private final List<User> configured;
    private final EngineUserStore engineUsers;

    public UserDirectory(List<User> configured, EngineUserStore engineUsers) {
        this.configured = List.copyOf(configured);
        this.engineUsers = engineUsers;
    }

    public Optional<User> find(String username) {
        for (User u : configured) {
            if (u.username().equals(username)) {
                return Optional.of(u);
            }
        }
        return engineUsers.get(username);
    }

    public List<User> all() {
        List<User> out = new ArrayList<>(configured);
        for (User u : engineUsers.all()) {
            if (configured.stream().noneMatch(c -> c.username().equals(u.username()))) {
                out.add(u);
            }
        }
        return out;
    }

    public boolean isEmpty() {
        return configured.isEmpty() && engineUsers.all().isEmpty();
    }
}
