package org.dxaflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.dxaflow.dicom.testing.Dcmtk;
import org.dxaflow.dicom.testing.TestObjects;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.FreePort;
import org.dxaflow.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A C-STORE is answered once its spool file is synced; the announcement on the durable queue comes
 * after. An engine killed in between must announce the object when it starts again.
 */
class StorageKillNineProcessTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path work;

    @Test
    void anObjectStoredButNotYetAnnouncedWhenTheEngineIsKilledIsRecordedOnceAfterRestart() throws Exception {
        int hl7Port = FreePort.find();
        int httpPort = FreePort.find();
        int dicomPort = FreePort.find();
        Path sr = TestObjects.basicTextSr(work, "+te");
        Http http = new Http(httpPort);

        // The broker is unreachable (nothing listens on its port), so nothing can be announced: the
        // kill is certain to fall between the object's sync and its announcement.
        Map<String, String> unannouncing = new HashMap<>(EngineProcess.env(dataDir, hl7Port, httpPort, dicomPort));
        unannouncing.put("DXAFLOW_BROKER_URL", "tcp://127.0.0.1:" + FreePort.find());
        try (EngineProcess engine = EngineProcess.start(work, unannouncing)) {
            engine.awaitHealthy(http, Duration.ofSeconds(60));
            Dcmtk.Result stored = Dcmtk.run("storescu", "-v", "-aet", "DXASCAN1", "-aec", "DXAFLOW", "127.0.0.1",
                    Integer.toString(dicomPort), sr.toString());
            assertEquals(0, stored.exitCode(), stored.output());
            assertTrue(stored.output().contains("Received Store Response (Success)"), stored.output());
            assertFalse(announced().contains(TestObjects.SR_INSTANCE), "not announced before the kill");
            engine.kill9();
        }
        assertTrue(Files.exists(dataDir.resolve("spool/dicom/" + TestObjects.SR_INSTANCE + ".dcm")));

        try (EngineProcess engine = EngineProcess.start(work, EngineProcess.env(dataDir, hl7Port, httpPort,
                dicomPort))) {
            engine.awaitHealthy(http, Duration.ofSeconds(60));
            JsonNode objects = Await.until("the object recorded after restart", Duration.ofSeconds(30),
                    () -> http.get("/api/objects?status=UNMATCHED").json(), a -> a.size() >= 1);
            assertEquals(1, objects.size(), objects.toString());
            assertEquals(TestObjects.SR_INSTANCE, objects.get(0).get("sopInstanceUid").asText());
            assertEquals(dataDir.resolve("spool/dicom/" + TestObjects.SR_INSTANCE + ".dcm").toAbsolutePath()
                    .toString(), objects.get(0).get("filePath").asText());
            Await.until("the announcement noted in the spool", Duration.ofSeconds(10), this::announced,
                    text -> text.contains(TestObjects.SR_INSTANCE + "\n"));
        }
    }

    private String announced() {
        Path ledger = dataDir.resolve("spool/dicom/.announced");
        try {
            return Files.exists(ledger) ? Files.readString(ledger, StandardCharsets.US_ASCII) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
