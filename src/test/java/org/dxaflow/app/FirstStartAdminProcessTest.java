package org.dxaflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.dxaflow.testing.FreePort;
import org.dxaflow.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first start of an engine with no users makes an admin with a random password, printed once
 * to the console and never to the log file; only its hash is kept, so a restart prints nothing.
 * With DXAFLOW_ADMIN_USER and DXAFLOW_ADMIN_PASSWORD that admin is made instead.
 */
class FirstStartAdminProcessTest {

    @TempDir
    Path dataDir;

    private EngineProcess engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    private Map<String, String> env(int httpPort) {
        Map<String, String> env = EngineProcess.env(dataDir, FreePort.find(), httpPort, FreePort.find());
        env.put("DXAFLOW_USERS_FILE", dataDir.resolve("no-users.yaml").toString());
        return env;
    }

    @Test
    void theGeneratedPasswordIsShownOnceOnTheConsoleAndNeverInTheLogFile() throws Exception {
        int httpPort = FreePort.find();
        engine = EngineProcess.start(dataDir, env(httpPort));
        Http http = new Http(httpPort);
        engine.awaitHealthy(http, Duration.ofSeconds(60));
        List<String> console = engine.output().lines().toList();
        int at = -1;
        for (int i = 0; i < console.size(); i++) {
            if (console.get(i).contains("Created user 'admin' (role admin) with password:")) {
                at = i;
            }
        }
        assertTrue(at >= 0, engine.tail(60));
        String password = console.get(at + 2).trim();
        assertTrue(password.matches("[A-Za-z0-9]{24}"), "a strong generated password: '" + password + "'");
        assertEquals(1, engine.output().split(password, -1).length - 1, "printed exactly once");

        assertEquals(200, http.as("admin", password).get("/api/audit").status());
        assertEquals(401, http.as("admin", "admin").get("/api/audit").status());
        Path logFile = dataDir.resolve("logs").resolve("dxaflow.log");
        assertTrue(Files.exists(logFile), "the engine writes its log file under the data dir");
        String log = Files.readString(logFile);
        assertTrue(log.contains("first start: created admin 'admin'"), log);
        assertFalse(log.contains(password), "the password is never in the log file");

        // a restart keeps the hash and prints no password
        engine.close();
        engine = EngineProcess.start(dataDir, env(httpPort));
        engine.awaitHealthy(http, Duration.ofSeconds(60));
        assertFalse(engine.output().contains("with password:"), engine.tail(40));
        assertEquals(200, http.as("admin", password).get("/api/audit").status());
    }

    @Test
    void anAdminFromTheEnvironmentIsMadeInstead() {
        int httpPort = FreePort.find();
        Map<String, String> env = env(httpPort);
        env.put("DXAFLOW_ADMIN_USER", "opsadmin");
        env.put("DXAFLOW_ADMIN_PASSWORD", "correct horse battery staple");
        engine = EngineProcess.start(dataDir, env);
        Http http = new Http(httpPort);
        engine.awaitHealthy(http, Duration.ofSeconds(60));
        assertFalse(engine.output().contains("with password:"), engine.tail(40));
        assertEquals(200, http.as("opsadmin", "correct horse battery staple").get("/api/audit").status());
        assertFalse(engine.output().contains("correct horse battery staple"), "the password is never logged");
    }
}
