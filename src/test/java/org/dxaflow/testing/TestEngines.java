package org.dxaflow.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.dxaflow.app.DxaflowConfig;
import org.dxaflow.app.Engine;

/** Starts real engines (broker journal, H2 file, MLLP and HTTP sockets) on free ports in a temp dir. */
public final class TestEngines {
    private TestEngines() {
    }

    /** Configuration as a process would resolve it, with ports and data dir given by "environment". */
    public static DxaflowConfig config(Path dataDir, int hl7Port, int httpPort) {
        return config(dataDir, hl7Port, httpPort, Map.of());
    }

    /** As {@link #config(Path, int, int)}, with more environment variables (e.g. DXAFLOW_CONF_DIR). */
    public static DxaflowConfig config(Path dataDir, int hl7Port, int httpPort, Map<String, String> moreEnv) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "DXAFLOW_DATA_DIR", dataDir.toString(),
                "DXAFLOW_HL7_PORT", Integer.toString(hl7Port),
                "DXAFLOW_HTTP_PORT", Integer.toString(httpPort),
                "DXAFLOW_DICOM_PORT", Integer.toString(FreePort.find()),
                "DXAFLOW_HTTP_HOST", "127.0.0.1",
                "DXAFLOW_HL7_HOST", "127.0.0.1"));
        env.putAll(moreEnv);
        return DxaflowConfig.resolve(env, new Properties());
    }

    public static Engine start(DxaflowConfig config) {
        Engine engine = new Engine(config, Clock.systemUTC());
        engine.start();
        Await.until("engine healthy", Duration.ofSeconds(30), engine::isHealthy, ok -> ok);
        return engine;
    }
}
