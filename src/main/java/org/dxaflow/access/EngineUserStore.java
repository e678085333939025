package org.dxaflow.access;

import org.dxaflow.store.Jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Users the engine itself keeps (table {@code engine_user}): the admin made at the first start or
 * from {@code DXAFLOW_ADMIN_USER}. Only hashes are stored.
 */
public final class EngineUserStore {

    private final Jdbc jdbc;

    public EngineUserStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<User> all() {
        return jdbc.query("SELECT username, name, roles, password_hash FROM engine_user ORDER BY username",
                EngineUserStore::row);
    }

    public Optional<User> get(String username) {
        return jdbc.queryOne("SELECT username, name, roles, password_hash FROM engine_user WHERE username = ?",
                EngineUserStore::row, username);
    }

    /** Creates the user, or replaces the hash, name and roles of the one with that username. */
    public void put(User user, Instant now) {
        String roles = user.roles().stream().map(Role::externalName).sorted().collect(Collectors.joining(","));
        jdbc.inTransaction(c -> {
            int updated = Jdbc.update(c, "UPDATE engine_user SET name = ?, roles = ?, password_hash = ?, updated_at = ?"
                    + " WHERE username = ?", user.name(), roles, user.passwordHash(), now, user.username());
            if (updated == 0) {
                Jdbc.update(c, "INSERT INTO engine_user (username, name, roles, password_hash, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", user.username(), user.name(), roles, user.passwordHash(), now, now);
            }
            return null;
        });
    }

    private static User row(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString("roles").split(",")).map(Role::parse).forEach(r -> r.ifPresent(roles::add));
        return new User(rs.getString("username"), rs.getString("name"), "", "", roles, rs.getString("password_hash"));
    }
}
