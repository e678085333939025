package org.dxaflow.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.dxaflow.access.AdminBootstrap;
import org.dxaflow.access.Authenticator;
import org.dxaflow.access.EngineUserStore;
import org.dxaflow.access.LoginGuard;
import org.dxaflow.access.Passwords;
import org.dxaflow.access.User;
import org.dxaflow.access.UserDirectory;
import org.dxaflow.access.UsersLoader;
import org.dxaflow.audit.AuditLog;
import org.dxaflow.audit.AuditResources;
import org.dxaflow.conf.ConfException;
import org.dxaflow.store.Jdbc;
import org.dxaflow.web.ApiAccess;
import org.dxaflow.web.AuditApi;
import org.dxaflow.web.UsersApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The beans of access control, by the names routes/api.camel.yaml calls them: the API's door
 * ({@code apiAccess}), the users of conf/users.yaml (or dxaflow.users.file) and the engine's own
 * admin, made or updated here ({@link AdminBootstrap}), failed logins limited per user and address;
 * the audit and users endpoints. users.yaml is read here, at start, so a mistake stops the engine
 * with the file named.
 */
final class AccessModule {

    private static final Logger LOG = LoggerFactory.getLogger(AccessModule.class);

    private AccessModule() {
    }

    /** @param console where the first start's admin password is printed (never the log) */
    static Map<String, Object> beans(DxaflowConfig config, Jdbc jdbc, AuditLog audit, ObjectMapper json,
                                     PrintStream console, Clock clock) {
        String usersFile = config.get("dxaflow.users.file", "").trim();
        Path file = usersFile.isEmpty() ? config.path(DxaflowConfig.CONF_DIR).resolve(UsersLoader.FILE)
                : Path.of(usersFile);
        List<User> configured;
        try {
            configured = new UsersLoader().load(file);
        } catch (ConfException e) {
            throw new IllegalStateException("Configuration is invalid; the engine will not start. " + e.getMessage(), e);
        }
        EngineUserStore engineUsers = new EngineUserStore(jdbc);
        UserDirectory directory = new UserDirectory(configured, engineUsers);
        Passwords passwords = new Passwords();
        LOG.info("Access: {}", new AdminBootstrap(directory, engineUsers, passwords, console, clock)
                .run(config.get("dxaflow.admin.user", ""), config.get("dxaflow.admin.password", "")));
        LoginGuard guard = new LoginGuard(config.getInt("dxaflow.login.max-failures", 5),
                Duration.ofSeconds(config.getLong("dxaflow.login.lockout-seconds", 300)), clock);
        Map<String, Object> beans = new LinkedHashMap<>();
        beans.put("apiAccess", new ApiAccess(new Authenticator(directory, passwords, guard, audit, clock), audit,
                new AuditResources(jdbc), clock));
        beans.put("auditApi", new AuditApi(audit, json));
        beans.put("usersApi", new UsersApi(directory, json));
        return beans;
    }
}
