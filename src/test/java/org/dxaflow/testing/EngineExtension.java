package org.dxaflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.dxaflow.app.Engine;
import org.dxaflow.dicom.dimse.service.RemoteAe;
import org.dxaflow.hl7.MllpClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One engine for a whole test class, started before its first test on free ports in a fresh
 * directory and closed after its last:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final EngineExtension engine = EngineExtension.shipped();
 * static final Http http = engine.http();
 * </pre>
 *
 * The tests share it, so each uses its own order numbers. The {@code with}/{@code and} methods
 * describe the engine before it starts. Its ports are chosen when the extension is made, so its
 * clients ({@link #http()}, the MLLP methods, {@link #dicomAe()}) can be kept in fields; the rest
 * needs the running engine.
 */
public final class EngineExtension implements BeforeAllCallback, AfterAllCallback {

    private final Mllp hl7;
    private final int dicomPort;
    private final Http http;
    private final UnaryOperator<EngineSetup> setup;
    private final UnaryOperator<ConfDir> conf;
    private final UnaryOperator<ConfDir> mappings;
    private final boolean withRis;

    // Set in beforeAll, cleared in afterAll: the lifetime JUnit gives the class's engine.
    private String owner;
    private Path dir;
    private FakeRis ris;
    private RunningEngine running;

    private EngineExtension(Mllp hl7, int dicomPort, Http http, UnaryOperator<EngineSetup> setup,
                            UnaryOperator<ConfDir> conf, UnaryOperator<ConfDir> mappings, boolean withRis) {
        this.hl7 = hl7;
        this.dicomPort = dicomPort;
        this.http = http;
        this.setup = setup;
        this.conf = conf;
        this.mappings = mappings;
        this.withRis = withRis;
    }

    /** An engine on the shipped conf/ and mappings/. */
    public static EngineExtension shipped() {
        return new EngineExtension(new Mllp(FreePort.find()), FreePort.find(), new Http(FreePort.find()),
                UnaryOperator.identity(), null, null, false);
    }

    /** With more environment variables, e.g. the MLLP listener's limits. */
    public static EngineExtension withEnv(Map<String, String> env) {
        return shipped().andEnv(env);
    }

    /** And more environment variables. */
    public EngineExtension andEnv(Map<String, String> more) {
        return andSetup(s -> s.env(more));
    }

    /** With settings by key over what conf says (e.g. dxaflow.worklist.station-aet). */
    public EngineExtension andSettings(Map<String, String> more) {
        return andSetup(s -> s.settings(more));
    }

    private EngineExtension andSetup(UnaryOperator<EngineSetup> step) {
        return new EngineExtension(hl7, dicomPort, http, s -> step.apply(setup.apply(s)), conf, mappings, withRis);
    }

    /** On a scratch copy of conf/ that {@code edit} changes before the engine reads it. */
    public EngineExtension andConf(UnaryOperator<ConfDir> edit) {
        return new EngineExtension(hl7, dicomPort, http, setup, edit, mappings, withRis);
    }

    /** On a scratch copy of mappings/ ({@link #mappingsDir()}) that {@code edit} changes before the engine reads it. */
    public EngineExtension andMappings(UnaryOperator<ConfDir> edit) {
        return new EngineExtension(hl7, dicomPort, http, setup, conf, edit, withRis);
    }

    /**
     * With a {@link FakeRis} the engine sends its status messages to (as application CRIS, its
     * outbox polled every 100 ms). It stops after the engine, so nothing is sent to a closed port.
     */
    public EngineExtension andRis() {
        return new EngineExtension(hl7, dicomPort, http, setup, conf, mappings, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (owner != null) {
            return; // a @Nested class shares its outer class's engine
        }
        owner = context.getUniqueId();
        dir = Files.createTempDirectory("dxaflow-engine-");
        EngineSetup wanted = EngineSetup.in(dir.resolve("data"), hl7.port(), http.port(), dicomPort);
        if (withRis) {
            ris = new FakeRis();
            wanted = wanted.env(Map.of(
                    "DXAFLOW_RIS_HOST", "127.0.0.1",
                    "DXAFLOW_RIS_PORT", Integer.toString(ris.port()),
                    "DXAFLOW_RIS_APPLICATION", "CRIS",
                    "DXAFLOW_RIS_OUTBOX_POLL_MS", "100"));
        }
        // the test's own environment after the RIS's, so it may change those too
        wanted = setup.apply(wanted);
        if (conf != null) {
            wanted = wanted.conf(conf.apply(ConfDir.copyOfShipped(dir.resolve("conf"))));
        }
        if (mappings != null) {
            wanted = wanted.mappings(mappings.apply(ConfDir.copyOf(Path.of("mappings"), dir.resolve("mappings"))));
        }
        running = wanted.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!context.getUniqueId().equals(owner)) {
            return;
        }
        try {
            if (running != null) {
                running.close();
            }
            if (ris != null) {
                ris.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            running = null;
            ris = null;
            owner = null;
            if (dir != null) {
                delete(dir);
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RunningEngine running() {
        if (running == null) {
            throw new IllegalStateException("the engine runs from beforeAll to afterAll of a class that registers "
                    + "this extension with @RegisterExtension on a static field");
        }
        return running;
    }

    /** The REST client; usable before the engine starts (it only knows the port). */
    public Http http() {
        return http;
    }

    public int hl7Port() {
        return hl7.port();
    }

    public Engine engine() {
        return running().engine();
    }

    /** @see RunningEngine#bean */
    public <T> T bean(String name, Class<T> type) {
        return running().bean(name, type);
    }

    public int dicomPort() {
        return dicomPort;
    }

    /** The engine as a scanner addresses it. */
    public RemoteAe dicomAe() {
        return RunningEngine.dicomAe(dicomPort);
    }

    public Path dataDir() {
        return running().dataDir();
    }

    /** The engine's scratch conf/, with {@link #andConf}. */
    public Path confDir() {
        return running().engine().config().path(org.dxaflow.app.DxaflowConfig.CONF_DIR);
    }

    /** The engine's scratch mappings/, with {@link #andMappings}. */
    public Path mappingsDir() {
        return running().engine().config().path(org.dxaflow.app.DxaflowConfig.MAPPINGS_DIR);
    }

    /** The stand-in RIS; only with {@link #andRis()}. */
    public FakeRis ris() {
        if (ris == null) {
            throw new IllegalStateException("no RIS: build the extension with andRis()");
        }
        return ris;
    }

    /** @see Mllp#connect() */
    public MllpClient mllp() throws IOException {
        return hl7.connect();
    }

    /** @see Mllp#connect(int) */
    public MllpClient mllp(int timeoutMs) throws IOException {
        return hl7.connect(timeoutMs);
    }

    /** @see Mllp#send */
    public String send(String message) throws IOException {
        return hl7.send(message);
    }

    /** @see Mllp#accept */
    public String accept(String message) throws IOException {
        return hl7.accept(message);
    }

    /** @see Mllp#acceptAll */
    public void acceptAll(List<String> messages) throws IOException {
        hl7.acceptAll(messages);
    }
}
