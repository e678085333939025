package org.dxaflow.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.dxaflow.hl7.MllpClient;
import org.dxaflow.testing.FreePort;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.Mllp;
import org.dxaflow.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frames with no readable MSH (fuzzing, a misconfigured sender, a port scanner) must not flood the
 * log: one WARN line per rejection without the frame's content, at most a few a minute, no stack
 * traces. Before this, each such frame logged an ERROR with a ~20-line stack trace.
 */
class LogFloodProcessTest {

    @TempDir
    Path dataDir;

    @Test
    void twoHundredGarbageFramesLogAFewLinesAndNoStackTrace() throws Exception {
        int hl7 = FreePort.find();
        int httpPort = FreePort.find();
        Http http = new Http(httpPort);
        try (EngineProcess engine = EngineProcess.start(dataDir,
                EngineProcess.env(dataDir, hl7, httpPort, FreePort.find()))) {
            engine.awaitHealthy(http, Duration.ofSeconds(60));
            EngineProcess.sleep(500);
            long before = engine.output().lines().count();

            Random random = new Random(7);
            for (int i = 0; i < 200; i++) {
                byte[] noise = new byte[20 + random.nextInt(400)];
                random.nextBytes(noise);
                for (int j = 0; j < noise.length; j++) {
                    if (noise[j] == 0x0b || noise[j] == 0x1c) {
                        noise[j] = 'x';
                    }
                }
                byte[] marked = ("PID|1||9990000018^^^NHS||ZEBEDEE^QUINTILLA|" + i + "|").getBytes(StandardCharsets.US_ASCII);
                byte[] frame = new byte[marked.length + noise.length];
                System.arraycopy(marked, 0, frame, 0, marked.length);
                System.arraycopy(noise, 0, frame, marked.length, noise.length);
                try (MllpClient c = new Mllp(hl7).connect(5_000)) {
                    c.sendRaw(frame);
                    assertThrows(IOException.class, c::readFrame, "no MSH: the connection is closed, no ACK");
                }
            }
            // The listener still serves a real order afterwards.
            new Mllp(hl7).accept(Samples.hl7("01-orm-o01-v23-new-order.hl7"));
            EngineProcess.sleep(1_000);

            List<String> added = engine.output().lines().skip(before).toList();
            String text = String.join("\n", added);
            List<String> rejections = added.stream().filter(l -> l.contains("no readable MSH")).toList();
            assertTrue(added.size() <= 30, added.size() + " lines logged for 200 garbage frames:\n" + text);
            assertTrue(rejections.size() >= 1 && rejections.size() <= 10, rejections.size() + " rejection lines:\n" + text);
            rejections.forEach(l -> assertTrue(l.contains(" WARN "), l));
            assertFalse(added.stream().anyMatch(l -> l.startsWith("\tat ") || l.contains("Stacktrace")
                    || l.contains(" ERROR ")), "no stack trace or ERROR:\n" + text);
            for (String phi : new String[] {"ZEBEDEE", "QUINTILLA", "9990000018"}) {
                assertFalse(text.contains(phi), "frame content in the log:\n" + text);
            }
        }
    }
}
