package org.dxaflow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.dxaflow.hl7.MllpClient;

/** The engine's HL7 port as the RIS uses it: messages over MLLP, each answered by an ACK. */
public final class Mllp {

    private static final int TIMEOUT_MS = 10_000;

    private final int port;

    public Mllp(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }

    /** A new connection, for tests that send several messages or raw bytes on one. */
    public MllpClient connect() throws IOException {
        return connect(TIMEOUT_MS);
    }

    /** As {@link #connect()}, giving up reading after {@code timeoutMs} (for answers that should never come). */
    public MllpClient connect(int timeoutMs) throws IOException {
        return new MllpClient("127.0.0.1", port, timeoutMs);
    }

    /** Sends one message on its own connection, as the RIS does; returns the ACK, whatever it says. */
    public String send(String message) throws IOException {
        try (MllpClient c = connect()) {
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
        try (MllpClient c = connect()) {
            for (String message : messages) {
                assertAccepted(c.send(message));
            }
        }
    }

    private static void assertAccepted(String ack) {
        assertEquals("AA", Samples.field(ack, "MSA", 1), ack);
    }
}
