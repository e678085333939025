package org.dxaflow.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.dxaflow.app.Engine;
import org.dxaflow.dicom.dimse.service.RemoteAe;

/**
 * A real engine (broker journal, H2 file, MLLP, HTTP and DICOM sockets) and the clients a test
 * talks to it with: HL7 over MLLP as the RIS, REST as a user, DICOM as a scanner.
 */
public final class RunningEngine implements AutoCloseable {

    /** The AE title the shipped conf gives the engine. */
    private static final String AE_TITLE = "DXAFLOW";

    private final EngineSetup setup;
    private final Engine engine;
    private final Http http;
    private final Mllp hl7;

    private RunningEngine(EngineSetup setup, Engine engine) {
        this.setup = setup;
        this.engine = engine;
        this.http = new Http(setup.httpPort());
        this.hl7 = new Mllp(setup.hl7Port());
    }

    static RunningEngine start(EngineSetup setup) {
        Engine engine = new Engine(setup.config(), Clock.systemUTC());
        try {
            engine.start();
            Await.until("engine healthy", Duration.ofSeconds(30), engine::isHealthy, ok -> ok);
        } catch (RuntimeException | AssertionError e) {
            // a half-started engine holds ports and the data dir; the next test must not find them taken
            engine.close();
            throw e;
        }
        return new RunningEngine(setup, engine);
    }

    public Engine engine() {
        return engine;
    }

    /** A bean from the engine's registry, for tests that drive one step directly. */
    public <T> T bean(String name, Class<T> type) {
        return engine.camelContext().getRegistry().lookupByNameAndType(name, type);
    }

    public Http http() {
        return http;
    }

    /** The HL7 listener, as the RIS sends to it. */
    public Mllp hl7() {
        return hl7;
    }

    public int dicomPort() {
        return engine.dicomPort();
    }

    /** The engine as a scanner addresses it. */
    public RemoteAe dicomAe() {
        return dicomAe(dicomPort());
    }

    static RemoteAe dicomAe(int port) {
        return new RemoteAe("127.0.0.1", port, AE_TITLE);
    }

    public Path dataDir() {
        return setup.dataDir();
    }

    @Override
    public void close() {
        engine.close();
    }
}
