package org.dxaflow.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dxaflow.dicom.dimse.CEchoRq;
import org.dxaflow.dicom.dimse.CommandSetCodec;
import org.dxaflow.dicom.dimse.service.ServiceRegistry;
import org.dxaflow.dicom.dimse.service.VerificationScp;
import org.dxaflow.dicom.net.pdu.AAbort;
import org.dxaflow.dicom.net.pdu.AAssociateAc;
import org.dxaflow.dicom.net.pdu.AAssociateRj;
import org.dxaflow.dicom.net.pdu.AReleaseRp;
import org.dxaflow.dicom.net.pdu.AReleaseRq;
import org.dxaflow.dicom.net.pdu.PDataTf;
import org.dxaflow.dicom.net.pdu.PduEncoder;
import org.dxaflow.dicom.net.pdu.PresentationDataValue;
import org.dxaflow.dicom.testing.Dcmtk;
import org.dxaflow.dicom.testing.RawPeer;
import org.dxaflow.dicom.testing.RecordingMonitor;
import org.dxaflow.dicom.testing.TestServers;
import org.junit.jupiter.api.Test;

/**
 * Throws a seeded corpus of malformed inputs at the listener. Properties checked: every connection
 * is closed by the server in bounded time (nothing hangs), nothing leaks (connections, associations,
 * operation threads), and a real DCMTK echoscu still succeeds afterwards.
 */
class MalformedInputFuzzTest {
    private static final long SEED = 0x5EED_D1C0L;
    private static final int CASES = 1200;
    private static final PduEncoder ENCODER = new PduEncoder();

    @Test
    void listenerSurvivesMalformedCorpus() throws Exception {
        RecordingMonitor monitor = new RecordingMonitor();
        AcceptorConfig cfg = TestServers.config("FUZZAE").withMaxAssociations(8)
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(1000));
        List<byte[]> corpus = corpus(new Random(SEED));
        assertTrue(corpus.size() >= 1000);
        long t0 = System.nanoTime();
        try (DicomServer server = TestServers.start(cfg, ServiceRegistry.builder()
                .register(Uids.VERIFICATION, new VerificationScp()).build(), monitor)) {
            int threadsBefore = Thread.activeCount();
            AtomicInteger abortsSeen = new AtomicInteger();
            AtomicInteger hung = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<?>> futures = new ArrayList<>();
            for (byte[] input : corpus) {
                futures.add(clients.submit(() -> {
                    byte[] answer = throwAt(server.port(), input);
                    if (answer == null) {
                        hung.incrementAndGet();
                    } else if (containsAbort(answer)) {
                        abortsSeen.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            clients.shutdown();
            assertEquals(0, hung.get(), "connections the server never closed");
            assertTrue(abortsSeen.get() > 300, "A-ABORT answers seen: " + abortsSeen.get());
            assertTrue(monitor.protocolErrors.size() > 300, "protocol errors: " + monitor.protocolErrors.size());

            AssociationLifecycleTest.waitFor(() -> server.activeConnections() == 0
                    && server.associations().size() == 0 && server.busyThreads() == 0 && dimseThreads() == 0);
            Dcmtk.Result r = Dcmtk.run("echoscu", "-aec", "FUZZAE", "127.0.0.1", String.valueOf(server.port()));
            assertEquals(0, r.exitCode(), r.output());
            AssociationLifecycleTest.waitFor(() -> server.activeConnections() == 0);
            // idle pool threads may linger, bounded by the association cap plus the rejector pool
            assertTrue(Thread.activeCount() <= threadsBefore + 8 + 2,
                    "threads before " + threadsBefore + ", after " + Thread.activeCount());
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        assertTrue(seconds < 50, "fuzz run took " + seconds + " s");
    }

    private static long dimseThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("dicom-FUZZAE-dimse") && t.isAlive()).count();
    }

    /** Sends the input, half-closes, reads until the server closes. Null if it never did. */
    private static byte[] throwAt(int port, byte[] input) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            try {
                s.getOutputStream().write(input);
                s.shutdownOutput();
            } catch (IOException e) {
                // the server may already have rejected and closed: fine
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            try {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    answer.write(buf, 0, n);
                }
            } catch (SocketTimeoutException e) {
                return null;
            } catch (IOException e) {
                // reset counts as closed
            }
            return answer.toByteArray();
        }
    }

    private static boolean containsAbort(byte[] answer) {
        for (int i = 0; i + 10 <= answer.length; i++) {
            if (answer[i] == 0x07 && answer[i + 1] == 0 && answer[i + 5] == 4 && answer[i + 2] == 0) {
                return true;
            }
        }
        return false;
    }

    static List<byte[]> corpus(Random rnd) {
        byte[] rq = ENCODER.encode(RawPeer.echoRq("FUZZAE"));
        byte[] command = new CommandSetCodec().encode(new CEchoRq(1, Uids.VERIFICATION).toCommandSet(false));
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            out.add(switch (i % 10) {
                case 0 -> randomBytes(rnd, rnd.nextInt(300));
                case 1 -> header(1 + 7 + rnd.nextInt(248), rnd.nextInt(64), randomBytes(rnd, rnd.nextInt(64)));
                case 2 -> header(1 + rnd.nextInt(7), 0xFFFFFFF0L + rnd.nextInt(15), randomBytes(rnd, rnd.nextInt(32)));
                case 3 -> header(3 + rnd.nextInt(5), rnd.nextInt(12), randomBytes(rnd, rnd.nextInt(12)));
                case 4 -> Arrays.copyOf(rq, rnd.nextInt(rq.length));
                case 5 -> flipBytes(rnd, rq);
                case 6 -> lyingItemLength(rnd, rq);
                case 7 -> beforeAssociation(rnd, command);
                case 8 -> concat(rq, garbagePData(rnd, command));
                default -> concat(rq, header(4, 6 + rnd.nextInt(100), pdv(0x7FFFFFF0 + rnd.nextInt(15), 1, 3,
                        randomBytes(rnd, 4))));
            });
        }
        return out;
    }

    private static byte[] randomBytes(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    private static byte[] header(int type, long length, byte[] body) {
        byte[] h = {(byte) type, 0, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
        return concat(h, body);
    }

    private static byte[] pdv(long length, int pcId, int control, byte[] data) {
        return concat(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
            (byte) length, (byte) pcId, (byte) control}, data);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** 1-8 random byte changes after the PDU header, keeping the declared PDU length. */
    private static byte[] flipBytes(Random rnd, byte[] rq) {
        byte[] b = rq.clone();
        int flips = 1 + rnd.nextInt(8);
        for (int i = 0; i < flips; i++) {
            b[6 + rnd.nextInt(b.length - 6)] = (byte) rnd.nextInt(256);
        }
        return b;
    }

    /** Overwrites the 2-byte length of the application context / presentation context / user info item. */
    private static byte[] lyingItemLength(Random rnd, byte[] rq) {
        byte[] b = rq.clone();
        List<Integer> lengthOffsets = new ArrayList<>();
        int pos = 74; // first item after the 68 fixed bytes
        while (pos + 4 <= b.length) {
            lengthOffsets.add(pos + 2);
            pos += 4 + (((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF));
        }
        int off = lengthOffsets.get(rnd.nextInt(lengthOffsets.size()));
        int len = rnd.nextBoolean() ? 0xFFFF : rnd.nextInt(40);
        b[off] = (byte) (len >>> 8);
        b[off + 1] = (byte) len;
        return b;
    }

    private static byte[] beforeAssociation(Random rnd, byte[] command) {
        return switch (rnd.nextInt(5)) {
            case 0 -> ENCODER.encode(new PDataTf(List.of(new PresentationDataValue(1, true, true, command))));
            case 1 -> ENCODER.encode(new AReleaseRq());
            case 2 -> ENCODER.encode(new AReleaseRp());
            case 3 -> ENCODER.encode(new AAssociateRj(1, 1, 1));
            default -> ENCODER.encode(new AAssociateAc(1, "A", "B", Uids.APPLICATION_CONTEXT, List.of(),
                    org.dxaflow.dicom.net.pdu.UserInformation.of(0, "1.2", null)));
        };
    }

    /** After a valid A-ASSOCIATE-RQ: P-DATA that breaks DIMSE rules, or an A-ABORT mid-message. */
    private static byte[] garbagePData(Random rnd, byte[] command) {
        byte[] garbledCommand = flipBytes(rnd, concat(new byte[6], command));
        return switch (rnd.nextInt(6)) {
            case 0 -> header(4, 6 + 4, pdv(6, 1, 0, randomBytes(rnd, 4)));       // data set before command
            case 1 -> header(4, 6 + 4, pdv(6, 7, 3, randomBytes(rnd, 4)));       // context never accepted
            case 2 -> header(4, 6 + garbledCommand.length - 6,
                    pdv(2 + garbledCommand.length - 6, 1, 3, Arrays.copyOfRange(garbledCommand, 6, garbledCommand.length)));
            case 3 -> concat(header(4, 6 + 10, pdv(12, 1, 1, Arrays.copyOf(command, 10))),
                    ENCODER.encode(AAbort.byUser()));                             // abort mid-message
            case 4 -> header(4, 6 + 4, pdv(6, 1, 0xF3, randomBytes(rnd, 4)));    // reserved control bits
            default -> ENCODER.encode(new PDataTf(List.of(new PresentationDataValue(1, true, true, command))));
        };
    }
}
