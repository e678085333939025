package org.dxaflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dxaflow.hl7.MllpClient;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.FreePort;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.Mllp;
import org.dxaflow.testing.Samples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The listeners (MLLP, HTTP, DICOM) as an operator meets them: a restart right after a crash or a
 * SIGTERM, with peers still connected, binds at once; a port that is taken stops the start at once,
 * naming the key, the port and its environment override.
 */
class ListenerProcessTest {

    /**
     * A restart that binds at once is healthy in ~4-8 s on a busy 2-core machine (22 s once under a
     * load average of 8); the bug took 30-39 s to fail, so 25 s still tells the two apart.
     */
    private static final Duration RESTART_LIMIT = Duration.ofSeconds(25);

    @TempDir
    Path dataDir;

    private final List<EngineProcess> engines = new ArrayList<>();
    private final List<AutoCloseable> peers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : peers) {
            c.close();
        }
        engines.forEach(EngineProcess::close);
    }

    private EngineProcess start(Map<String, String> env) {
        EngineProcess e = EngineProcess.start(dataDir, env);
        engines.add(e);
        return e;
    }

    @Test
    void restartAfterKillNineWithPeersStillConnectedBindsAtOnceAndLosesNothing() throws Exception {
        restartWithPeersConnected(true);
    }

    @Test
    void restartAfterSigtermWithPeersStillConnectedBindsAtOnceAndLosesNothing() throws Exception {
        restartWithPeersConnected(false);
    }

    private void restartWithPeersConnected(boolean kill9) throws Exception {
        int hl7 = FreePort.find();
        int httpPort = FreePort.find();
        int dicom = FreePort.find();
        Map<String, String> env = EngineProcess.env(dataDir, hl7, httpPort, dicom);
        Http http = new Http(httpPort);
        EngineProcess first = start(env);
        first.awaitHealthy(http, Duration.ofSeconds(60));

        String order = Samples.hl7("01-orm-o01-v23-new-order.hl7");
        new Mllp(hl7).accept(order);
        // 3 KB of random bytes in a frame: the engine closes that connection itself.
        byte[] junk = new byte[3072];
        new Random(9).nextBytes(junk);
        for (int i = 0; i < junk.length; i++) {
            if (junk[i] == 0x0b || junk[i] == 0x1c) {
                junk[i] = 'x';
            }
        }
        try (MllpClient c = new Mllp(hl7).connect(5_000)) {
            c.sendRaw(junk);
            assertThrows(IOException.class, c::readFrame);
        }
        // Peers that keep their connections open, as a RIS, a browser and a scanner do.
        Socket ris = connect(hl7);
        Socket browser = connect(httpPort);
        OutputStream out = browser.getOutputStream();
        out.write("GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = browser.getInputStream();
        assertTrue(new String(in.readNBytes(12), StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"));
        Socket scanner = connect(dicom);

        if (kill9) {
            first.kill9();
        } else {
            first.process.destroy();
            first.awaitExit(Duration.ofSeconds(45));
        }

        EngineProcess second = start(env);
        Duration healthy = second.awaitHealthy(http, Duration.ofSeconds(60));
        assertTrue(healthy.compareTo(RESTART_LIMIT) < 0, "healthy after " + healthy + ":\n" + second.tail(20));
        assertTrue(second.process.isAlive());
        assertEquals(1, Await.until("the order sent before the stop", Duration.ofSeconds(30),
                () -> http.orders("placerOrderNumber=ORD100001"), a -> a.size() >= 1).size());
        new Mllp(hl7).accept(Samples.hl7("02-orm-o01-v24-new-order-male.hl7"));
        Await.until("second order", Duration.ofSeconds(30), () -> http.orders(""), a -> a.size() == 2);
        assertEquals(1, http.orders("placerOrderNumber=ORD100001").size());
        assertTrue(ris.isConnected() && browser.isConnected() && scanner.isConnected());
    }

    private Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        peers.add(s);
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dxaflow.http.port", "dxaflow.hl7.port", "dxaflow.dicom.port"})
    void aBusyPortStopsTheStartAtOnceNamingKeyPortAndOverride(String key) throws Exception {
        int hl7 = FreePort.find();
        int httpPort = FreePort.find();
        int dicom = FreePort.find();
        int busy = switch (key) {
            case "dxaflow.http.port" -> httpPort;
            case "dxaflow.hl7.port" -> hl7;
            default -> dicom;
        };
        ServerSocket holder = new ServerSocket();
        holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), busy));
        peers.add(holder);

        long t0 = System.nanoTime();
        EngineProcess engine = start(EngineProcess.env(dataDir, hl7, httpPort, dicom));
        int exit = engine.awaitExit(Duration.ofSeconds(10));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertNotEquals(0, exit, engine.output());
        String line = "cannot listen on port " + busy + " (" + key + ", override with "
                + DxaflowConfig.envName(key) + "): Address already in use";
        assertTrue(engine.output().contains(line), "expected '" + line + "' (after " + took + ") in:\n"
                + engine.tail(30));
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took);
    }
}
