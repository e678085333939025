package org.dxaflow.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.dxaflow.app.DxaflowConfig;

/**
 * An engine as a test wants it: a data dir, free ports for HL7, HTTP and DICOM, and any more
 * environment or settings. The ports are chosen once, so an engine started again from the same
 * setup (a restart test) is found where the first one was.
 */
public final class EngineSetup {

    private final Path dataDir;
    private final Map<String, String> env;
    private final Map<String, String> settings;

    private EngineSetup(Path dataDir, Map<String, String> env, Map<String, String> settings) {
        this.dataDir = dataDir;
        this.env = Map.copyOf(env);
        this.settings = Map.copyOf(settings);
    }

    /** The shipped conf/ and mappings/, everything on 127.0.0.1 and on free ports. */
    public static EngineSetup in(Path dataDir) {
        return in(dataDir, FreePort.find(), FreePort.find(), FreePort.find());
    }

    /** As {@link #in(Path)}, on ports the caller chose (and told its clients). */
    static EngineSetup in(Path dataDir, int hl7Port, int httpPort, int dicomPort) {
        return new EngineSetup(dataDir, Map.of(
                "DXAFLOW_DATA_DIR", dataDir.toString(),
                "DXAFLOW_HL7_PORT", Integer.toString(hl7Port),
                "DXAFLOW_HTTP_PORT", Integer.toString(httpPort),
                "DXAFLOW_DICOM_PORT", Integer.toString(dicomPort),
                "DXAFLOW_HTTP_HOST", "127.0.0.1",
                "DXAFLOW_HL7_HOST", "127.0.0.1",
                "DXAFLOW_USERS_FILE", TestUsers.file().toString()), Map.of());
    }

    /** More environment variables, read as a process reads its own (e.g. DXAFLOW_RIS_PORT). */
    public EngineSetup env(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(more);
        return new EngineSetup(dataDir, all, settings);
    }

    /** Settings by key (e.g. dxaflow.db.url), over whatever the environment and conf say. */
    public EngineSetup settings(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(settings);
        all.putAll(more);
        return new EngineSetup(dataDir, env, all);
    }

    /** The engine reads this copy of conf/ instead of the shipped one. */
    public EngineSetup conf(ConfDir conf) {
        return env(Map.of("DXAFLOW_CONF_DIR", conf.path().toString()));
    }

    /** The engine reads this copy of mappings/ instead of the shipped one. */
    public EngineSetup mappings(ConfDir mappings) {
        return env(Map.of("DXAFLOW_MAPPINGS_DIR", mappings.path().toString()));
    }

    /** The configuration as a process with this environment would resolve it. */
    public DxaflowConfig config() {
        return DxaflowConfig.resolve(env, new Properties()).with(settings);
    }

    public Path dataDir() {
        return dataDir;
    }

    public int hl7Port() {
        return Integer.parseInt(env.get("DXAFLOW_HL7_PORT"));
    }

    int httpPort() {
        return Integer.parseInt(env.get("DXAFLOW_HTTP_PORT"));
    }

    /** Starts an engine and waits until it reports healthy. */
    public RunningEngine start() {
        return RunningEngine.start(this);
    }
}
