package org.dxaflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a shell runs it: its own JVM, real exit codes, -D and environment. */
class CommandLineProcessTest {

    @TempDir
    Path dir;

    private final List<EngineProcess> started = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void stop() {
        started.forEach(EngineProcess::close); // e.g. an engine that ignored 'run --bogus' and started
    }

    private EngineProcess run(Map<String, String> env, List<String> jvm, String... args) {
        EngineProcess p = EngineProcess.start(dir, env, jvm, args);
        started.add(p);
        return p;
    }

    @Test
    void versionPrintsThePomVersion() {
        EngineProcess p = run(Map.of(), List.of(), "--version");
        assertEquals(0, p.awaitExit(Duration.ofSeconds(30)));
        assertTrue(p.output().strip().matches("dxaflow \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), p.output());
    }

    @Test
    void runWithAnUnknownOptionDoesNotStartTheEngine() {
        EngineProcess p = run(Map.of("DXAFLOW_DATA_DIR", dir.resolve("data").toString()), List.of(), "run", "--bogus");
        assertEquals(2, p.awaitExit(Duration.ofSeconds(30)));
        assertTrue(p.output().contains("Unknown option: '--bogus'"), p.output());
        assertFalse(p.output().contains("Database ready"), p.output());
    }

    @Test
    void configShowsEnvironmentAndSystemPropertiesWithTheirSource() {
        EngineProcess p = run(Map.of("DXAFLOW_HL7_PORT", "3575", "DXAFLOW_DB_PASSWORD", "hunter2"),
                List.of("-Ddxaflow.dicom.aet=DXA_TEST"), "config");
        assertEquals(0, p.awaitExit(Duration.ofSeconds(30)));
        String out = p.output();
        assertTrue(out.lines().anyMatch(l -> l.matches("dxaflow\\.hl7\\.port +=.*3575 +\\(env DXAFLOW_HL7_PORT\\)")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("dxaflow\\.dicom\\.aet +=.*DXA_TEST +\\(-Ddxaflow.dicom.aet\\)")), out);
        assertFalse(out.contains("hunter2"), out);
    }

    @Test
    void sendHl7NamesAMissingFile() {
        EngineProcess p = run(Map.of(), List.of(), "send-hl7", "--port", "1", "no-such-order.hl7");
        assertEquals(2, p.awaitExit(Duration.ofSeconds(30)));
        assertTrue(p.output().contains("file not found: no-such-order.hl7"), p.output());
    }
}
