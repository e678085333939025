package org.dxaflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dxaflow.hl7.MllpClient;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The MLLP listener's resource limits, over real sockets: a message larger than
 * {@code dxaflow.hl7.max-message-bytes} is refused without being read whole, an idle connection is
 * closed after {@code dxaflow.hl7.idle-timeout-seconds}, and one remote address holds at most
 * {@code dxaflow.hl7.max-connections-per-address} connections, so the real RIS (here 127.0.0.2) still
 * gets in while another host sits on its connections.
 */
class Hl7ListenerLimitsTest {

    static final int MAX_MESSAGE_BYTES = 64 * 1024;

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.withEnv(Map.of(
            "DXAFLOW_HL7_MAX_MESSAGE_BYTES", Integer.toString(MAX_MESSAGE_BYTES),
            "DXAFLOW_HL7_IDLE_TIMEOUT_SECONDS", "6",
            "DXAFLOW_HL7_MAX_CONNECTIONS_PER_ADDRESS", "3"));
    static final Http http = engine.http();

    static String order(String placer, String controlId) {
        String original = Samples.field(Samples.hl7("01-orm-o01-v23-new-order.hl7"), "ORC", 2).split("\\^")[0];
        return Samples.withControlId(Samples.hl7("01-orm-o01-v23-new-order.hl7").replace(original, placer),
                controlId);
    }

    static Socket connectFrom(String localAddress) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        s.connect(new InetSocketAddress("127.0.0.1", engine.hl7Port()), 5000);
        s.setSoTimeout(10_000);
        return s;
    }

    /** True if the server closed the connection (EOF or reset) before the timeout. */
    static boolean closedByServer(Socket s, Duration within) throws IOException {
        s.setSoTimeout((int) within.toMillis());
        InputStream in = s.getInputStream();
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Test
    void aMessageOverTheLimitIsRefusedAndNeverReadWhole() throws Exception {
        String small = MllpClient.toWire(order("LIM-BIG", "LIM-C1"));
        StringBuilder padded = new StringBuilder(small);
        String nte = "NTE|1||" + "X".repeat(1000) + "\r";
        // 32 MB: far past the limit; a listener that buffers it all would take every byte
        while (padded.length() < 32 * 1024 * 1024) {
            padded.append(nte);
        }
        byte[] body = padded.toString().getBytes(StandardCharsets.ISO_8859_1);
        long written = 0;
        boolean refused = false;
        try (Socket s = connectFrom("127.0.0.1")) {
            OutputStream out = s.getOutputStream();
            out.write(0x0b);
            try {
                for (int off = 0; off < body.length; off += 64 * 1024) {
                    int n = Math.min(64 * 1024, body.length - off);
                    out.write(body, off, n);
                    written += n;
                }
                out.write(new byte[] {0x1c, 0x0d});
                out.flush();
                // everything went in: only a refusal (closed connection or AR) is acceptable now
                refused = refusedAfterWriting(s);
            } catch (IOException resetWhileWriting) {
                refused = true;
            }
        }
        assertTrue(refused, "a " + body.length + "-byte message was not refused");
        assertTrue(written < body.length, "the listener read all " + written + " bytes of an oversized message");

        // the next message on a new connection is taken as usual, and the oversized one is nowhere
        engine.accept(order("LIM-SMALL", "LIM-C2"));
        Await.until("small order listed", Duration.ofSeconds(15), () -> http.orders("placerOrderNumber=LIM-SMALL"),
                a -> a.size() == 1);
        assertTrue(http.orders("placerOrderNumber=LIM-BIG").isEmpty());
    }

    /** After the whole frame went in: a closed connection or an AR is a refusal; an AA is not. */
    private static boolean refusedAfterWriting(Socket s) throws IOException {
        try {
            String f = readFrame(s.getInputStream());

            return !"AA".equals(Samples.field(f, "MSA", 1));
        } catch (IOException closed) {
            return true;
        }
    }

    @Test
    void aMessageJustUnderTheLimitIsAccepted() throws IOException {
        StringBuilder m = new StringBuilder(MllpClient.toWire(order("LIM-EDGE", "LIM-C3")));
        while (m.length() < MAX_MESSAGE_BYTES - 2000) {
            m.append("NTE|1||").append("Y".repeat(500)).append('\r');
        }
        engine.accept(m.toString());
    }

    @Test
    void anIdleConnectionIsClosed() throws IOException {
        try (Socket s = connectFrom("127.0.0.1")) {
            assertTrue(closedByServer(s, Duration.ofSeconds(40)), "idle connection still open after 40 s");
        }
    }

    @Test
    void oneAddressCannotTakeEverySlot() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(connectFrom("127.0.0.3"));
            }
            Thread.sleep(300); // let the listener take them on
            assertTrue(refusedOnConnect("127.0.0.3"), "a fourth connection from the same address was kept");
            // another host (the RIS) still gets in and is answered
            try (Socket ris = connectFrom("127.0.0.2")) {
                OutputStream out = ris.getOutputStream();
                out.write(0x0b);
                out.write(MllpClient.toWire(order("LIM-RIS", "LIM-C4")).getBytes(StandardCharsets.ISO_8859_1));
                out.write(new byte[] {0x1c, 0x0d});
                out.flush();
                String ack = readFrame(ris.getInputStream());
                assertEquals("AA", Samples.field(ack, "MSA", 1));
            }
            for (Socket s : held) {
                assertFalse(s.isClosed());
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /** The listener closes a refused connection at once, which may reset it before connect() returns. */
    private static boolean refusedOnConnect(String localAddress) throws IOException {
        Socket s;
        try {
            s = connectFrom(localAddress);
        } catch (java.net.SocketException reset) {
            return true;
        }
        try (s) {
            return closedByServer(s, Duration.ofSeconds(5));
        }
    }

    private static String readFrame(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) != 0x0b) {
            if (b < 0) {
                throw new IOException("closed before an ACK");
            }
        }
        while ((b = in.read()) != 0x1c) {
            if (b < 0) {
                throw new IOException("closed inside a frame");
            }
            sb.append((char) b);
        }
        return sb.toString();
    }
}
