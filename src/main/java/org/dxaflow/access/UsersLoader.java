package org.dxaflow.access;

import org.dxaflow.conf.ConfNode;
import org.dxaflow.conf.ConfProblems;
import org.dxaflow.conf.YamlFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code conf/users.yaml}: each user's username, name, title, registration, roles and bcrypt
 * password hash. A missing file means no users (the first start then makes an admin); a mistake
 * stops the engine, named by {@code file:line:column}.
 */
public final class UsersLoader {

    public static final String FILE = "users.yaml";

    public List<User> load(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        ConfProblems problems = new ConfProblems();
        ConfNode root = YamlFile.read(file, problems);
        List<User> users = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConfNode u : root.optionalItems("users")) {
            String username = u.nonBlank("username");
            if (!username.isEmpty() && !seen.add(username)) {
                u.problem("username", "'" + username + "' is listed twice");
            }
            if (!username.isEmpty() && !username.matches("[A-Za-z0-9._@-]{1,64}")) {
                u.problem("username", "letters, digits and . _ @ - only, at most 64");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (ConfNode r : u.list("roles")) {
                r.parse(Role::parse, "practitioner, reporter, operator, engineer, admin").ifPresent(roles::add);
            }
            if (u.has("roles") && roles.isEmpty()) {
                u.problem("roles", "at least one role is required");
            }
            String hash = u.nonBlank("passwordHash");
            if (!hash.isEmpty() && !Passwords.isHash(hash)) {
                u.problem("passwordHash", "not a bcrypt hash: make one with `java -jar dxaflow.jar hash-password`");
            }
            String name = u.optionalText("name").orElse(username);
            String title = u.optionalText("title").orElse("");
            String registration = u.optionalText("registration").orElse("");
            u.finish();
            users.add(new User(username, name, title, registration, roles, hash));
        }
        root.finish();
        problems.throwIfAny();
        return List.copyOf(users);
    }
}
