package org.dxaflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.FreePort;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.Mllp;
import org.dxaflow.testing.Samples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine as operators run it: its own JVM, configured by environment variables, killed with
 * SIGKILL or stopped with SIGTERM. What was acknowledged must survive either.
 */
class EngineProcessTest {

    @TempDir
    Path dataDir;

    private Process process;

    @AfterEach
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private Process start(int hl7Port, int httpPort) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "org.dxaflow.app.Dxaflow");
        Map<String, String> env = pb.environment();
        env.put("DXAFLOW_HL7_PORT", Integer.toString(hl7Port));
        env.put("DXAFLOW_HTTP_PORT", Integer.toString(httpPort));
        env.put("DXAFLOW_DATA_DIR", dataDir.toString());
        env.put("DXAFLOW_DICOM_PORT", Integer.toString(FreePort.find()));
        env.put("DXAFLOW_HTTP_HOST", "127.0.0.1");
        env.put("DXAFLOW_HL7_HOST", "127.0.0.1");
        env.put("DXAFLOW_USERS_FILE", org.dxaflow.testing.TestUsers.file().toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(dataDir.resolve("engine-" + System.nanoTime() + ".log").toFile());
        pb.directory(new File(System.getProperty("user.dir")));
        return pb.start();
    }

    private static void awaitHealthy(Http http) {
        Await.until("engine healthy", Duration.ofSeconds(60), () -> http.get("/api/health").status(), s -> s == 200);
    }

    @Test
    void environmentVariablesChooseThePortsAndTheDataDirectory() throws IOException {
        int hl7Port = FreePort.find();
        int httpPort = FreePort.find();
        process = start(hl7Port, httpPort);
        Http http = new Http(httpPort);
        awaitHealthy(http);
        assertEquals("UP", http.get("/api/health").json().get("status").asText());
        new Mllp(hl7Port).accept(Samples.hl7("03-omg-o19-v251-new-order.hl7"));
        assertTrue(Files.isDirectory(dataDir.resolve("broker").resolve("journal")), "journal in the data dir");
        assertTrue(Files.exists(dataDir.resolve("db").resolve("dxaflow.mv.db")), "database in the data dir");
        String log;
        try (var logs = Files.list(dataDir)) {
            log = Files.readString(logs.filter(f -> f.getFileName().toString().startsWith("engine-")).findFirst()
                    .orElseThrow());
        }
        assertTrue(log.contains("WARN  [main] org.dxaflow.app.Engine - Configuration: dxaflow.dicom.uidroot is the"
                + " shipped placeholder"), "start-up warns about the placeholder UID root:\n" + log);
    }

    @Test
    void anOrderAcknowledgedJustBeforeKillNineIsThereExactlyOnceAfterRestart() throws Exception {
        int hl7Port = FreePort.find();
        int httpPort = FreePort.find();
        process = start(hl7Port, httpPort);
        Http http = new Http(httpPort);
        awaitHealthy(http);

        String order = Samples.hl7("01-orm-o01-v23-new-order.hl7");
        new Mllp(hl7Port).accept(order);
        // No waiting: the process dies the moment the ACK is in our hands.
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));

        process = start(hl7Port, httpPort);
        awaitHealthy(http);
        JsonNode orders = Await.until("order after restart", Duration.ofSeconds(30),
                () -> http.orders("placerOrderNumber=ORD100001"), a -> a.size() >= 1);
        assertEquals(1, orders.size());

        // The RIS never saw... or did see our ACK: either way, a resend is AA and changes nothing.
        new Mllp(hl7Port).accept(order);
        Await.until("resend recorded as duplicate", Duration.ofSeconds(30),
                () -> http.get("/api/messages?status=DUPLICATE").json(), list -> list.size() == 1);
        assertEquals(1, http.orders("placerOrderNumber=ORD100001").size());
        assertEquals(1, http.orders("").size());
    }

    @Test
    void sigtermDrainsAndStopsCleanly() throws Exception {
        int hl7Port = FreePort.find();
        int httpPort = FreePort.find();
        process = start(hl7Port, httpPort);
        Http http = new Http(httpPort);
        awaitHealthy(http);
        new Mllp(hl7Port).acceptAll(List.of(Samples.hl7("01-orm-o01-v23-new-order.hl7"),
                Samples.hl7("02-orm-o01-v24-new-order-male.hl7"), Samples.hl7("03-omg-o19-v251-new-order.hl7"),
                Samples.hl7("04-omg-o19-v25-new-order.hl7")));
        process.destroy(); // SIGTERM
        assertTrue(process.waitFor(45, TimeUnit.SECONDS), "engine stopped within its shutdown timeout");

        process = start(hl7Port, httpPort);
        awaitHealthy(http);
        JsonNode orders = Await.until("all four orders", Duration.ofSeconds(30), () -> http.orders(""),
                a -> a.size() == 4);
        assertEquals(4, orders.size());
    }
}
