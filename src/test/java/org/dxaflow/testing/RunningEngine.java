package org.dxaflow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.dxaflow.app.Engine;
import org.dxaflow.dicom.dimse.service.RemoteAe;
import org.dxaflow.hl7.MllpClient;

/**
 * A real engine (broker journal, H2 file, MLLP, HTTP and DICOM sockets) and the clients a test
 * talks to it with: MLLP as the RIS, REST as a user, DICOM as a scanner.
 */
public final class RunningEngine implements AutoCloseable {

    /** The AE title the shipped conf gives the engine. */
    private static final String AE_TITLE = "DXAFLOW";

    private static final int MLLP_TIMEOUT_MS = 10_000;

    private final EngineSetup setup;
    private final Engine engine;
    private final Http http;

    private RunningEngine(EngineSetup setup, Engine engine) {
        this.setup = setup;
        this.engine = engine;
        this.http = new Http(setup.httpPort());
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

    public int hl7Port() {
        return setup.hl7Port();
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

    /** A new MLLP connection to the engine, for tests that send several messages or raw bytes on one. */
    public MllpClient mllp() throws IOException {
        return mllp(MLLP_TIMEOUT_MS);
    }

    /** As {@link #mllp()}, giving up reading after {@code timeoutMs} (for answers that should never come). */
    public MllpClient mllp(int timeoutMs) throws IOException {
        return new MllpClient("127.0.0.1", hl7Port(), timeoutMs);
    }

    /** Sends one message on its own connection, as the RIS does; returns the ACK, whatever it says. */
    public String send(String message) throws IOException {
        try (MllpClient c = mllp()) {
            return c.send(message);
        }
    }

    /** Sends one message and checks the engine accepted it (MSA-1 AA); returns the ACK. */
    public String accept(String message) throws IOException {
        String ack = send(message);
        assertAccepted(ack);
        return ack;
    }

    /** Sends the messages in order on one connection, each of which must be accepted. */
    public void acceptAll(List<String> messages) throws IOException {
        try (MllpClient c = mllp()) {
            for (String message : messages) {
                assertAccepted(c.send(message));
            }
        }
    }

    private static void assertAccepted(String ack) {
        assertEquals("AA", Samples.field(ack, "MSA", 1), ack);
    }

    @Override
    public void close() {
        engine.close();
    }
}
