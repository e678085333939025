package org.dxaflow.report.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.dxaflow.report.DeliveryFailure;
import org.dxaflow.report.OutboundExamples;
import org.dxaflow.report.ReportDocument;
import org.dxaflow.testing.Samples;
import org.junit.jupiter.api.AfterEach;
import org.dxaflow.testing.MllpFrames;
import org.junit.jupiter.api.Test;

/** OruSender against a real MLLP listener that answers as scripted. */
class OruSenderTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String oru;
    private Peer peer;

    OruSenderTest() {
        ReportDocument doc = OutboundExamples.preliminary();
        oru = new ReportOruBuilder(OutboundExamples.codes(), "DXAFLOW", "DXA")
                .build(doc, null, "DXR5-1", "RIS", "RXA", Instant.parse("2026-11-28T11:00:00Z"));
    }

    @AfterEach
    void stop() throws IOException {
        if (peer != null) {
            peer.close();
        }
    }

    private static String ack(String received, String code, String extra) {
        return "MSH|^~\\&|RIS|RXA|DXAFLOW|DXA|20261128110001||ACK^R01^ACK|A1|P|2.5.1\rMSA|" + code + "|"
                + Samples.field(received, "MSH", 10) + extra + "\r";
    }

    @Test
    void anAaForThisMessageIsDelivery() throws IOException {
        peer = new Peer(m -> ack(m, "AA", ""));
        new OruSender("127.0.0.1", peer.port(), TIMEOUT).send(oru);
        assertEquals(1, peer.received.size());
        // the message arrives as built, in the UTF-8 its MSH-18 declares
        assertEquals(oru, peer.received.get(0));
        assertEquals("UNICODE UTF-8", Samples.field(peer.received.get(0), "MSH", 18));
    }

    @Test
    void aCommitAcceptIsDeliveryToo() throws IOException {
        peer = new Peer(m -> ack(m, "CA", ""));
        new OruSender("127.0.0.1", peer.port(), TIMEOUT).send(oru);
    }

    @Test
    void anApplicationErrorCarriesTheReceiversText() throws IOException {
        peer = new Peer(m -> ack(m, "AE", "|Unknown order")
                + "ERR||OBR^1^2|103^Table value not found^HL70357|E||||Placer order P-1001 not on file\r");
        DeliveryFailure f = assertThrows(DeliveryFailure.class,
                () -> new OruSender("127.0.0.1", peer.port(), TIMEOUT).send(oru));
        assertFalse(f.permanent());
        assertTrue(f.getMessage().contains("AE"), f.getMessage());
        assertTrue(f.getMessage().contains("DXR5-1"), f.getMessage());
        assertTrue(f.getMessage().contains("Unknown order"), f.getMessage());
        assertTrue(f.getMessage().contains("Placer order P-1001 not on file"), f.getMessage());
    }

    @Test
    void aRejectIsPermanent() throws IOException {
        peer = new Peer(m -> ack(m, "AR", "|Unsupported message type"));
        DeliveryFailure f = assertThrows(DeliveryFailure.class,
                () -> new OruSender("127.0.0.1", peer.port(), TIMEOUT).send(oru));
        assertTrue(f.permanent());
        assertTrue(f.getMessage().contains("Unsupported message type"), f.getMessage());
    }

    @Test
    void anAckForAnotherMessageIsNotDelivery() throws IOException {
        peer = new Peer(m -> ack(m, "AA", "").replace("|DXR5-1", "|DXR4-1"));
        DeliveryFailure f = assertThrows(DeliveryFailure.class,
                () -> new OruSender("127.0.0.1", peer.port(), TIMEOUT).send(oru));
        assertFalse(f.permanent());
        assertTrue(f.getMessage().contains("DXR4-1"), f.getMessage());
    }

    @Test
    void noAnswerWithinTheTimeoutIsTransient() throws IOException {
        peer = new Peer(m -> null);
        DeliveryFailure f = assertThrows(DeliveryFailure.class,
                () -> new OruSender("127.0.0.1", peer.port(), Duration.ofMillis(300)).send(oru));
        assertFalse(f.permanent());
    }

    @Test
    void nobodyListeningIsTransient() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        DeliveryFailure f = assertThrows(DeliveryFailure.class,
                () -> new OruSender("127.0.0.1", port, TIMEOUT).send(oru));
        assertFalse(f.permanent());
    }

    /** An MLLP listener answering each message with {@code answer} (null: never answers). */
    private static final class Peer implements AutoCloseable {
        private final ServerSocket server;
        private final List<String> received = new CopyOnWriteArrayList<>();

        Peer(Function<String, String> answer) throws IOException {
            server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> serve(answer), "oru-peer");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve(Function<String, String> answer) {
            while (!server.isClosed()) {
                try (Socket s = server.accept(); InputStream in = s.getInputStream();
                     OutputStream out = s.getOutputStream()) {
                    String message = MllpFrames.read(in, StandardCharsets.UTF_8);
                    if (message == null) {
                        continue;
                    }
                    received.add(message);
                    String reply = answer.apply(message);
                    if (reply == null) {
                        while (in.read() >= 0) {
                            // hold the connection until the sender gives up
                        }
                        continue;
                    }
                    out.write(MllpFrames.frame(reply, StandardCharsets.UTF_8));
                    out.flush();
                } catch (IOException e) {
                    // closed by the test or by the sender
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
