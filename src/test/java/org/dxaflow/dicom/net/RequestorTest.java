package org.dxaflow.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dxaflow.dicom.dimse.CEchoRq;
import org.dxaflow.dicom.dimse.service.DimseClient;
import org.dxaflow.dicom.dimse.service.PendingRequest;
import org.dxaflow.dicom.net.pdu.AAbort;
import org.dxaflow.dicom.net.pdu.AAssociateAc;
import org.dxaflow.dicom.net.pdu.AAssociateRq;
import org.dxaflow.dicom.net.pdu.AReleaseRq;
import org.dxaflow.dicom.net.pdu.PDataTf;
import org.dxaflow.dicom.net.pdu.Pdu;
import org.dxaflow.dicom.net.pdu.PduReader;
import org.dxaflow.dicom.net.pdu.PduWriter;
import org.dxaflow.dicom.net.pdu.PresentationContextAc;
import org.dxaflow.dicom.net.pdu.UserInformation;
import org.dxaflow.dicom.testing.Dcmtk;
import org.dxaflow.dicom.testing.RawPeer;
import org.junit.jupiter.api.Test;

/** Our requestor against scripted misbehaving acceptors. */
class RequestorTest {
    private final RequestorConfig config = RequestorConfig.defaults("SCU")
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(600), Duration.ofSeconds(2));

    /** A one-shot fake acceptor: reads the A-ASSOCIATE-RQ, then runs the script. */
    private interface Script {
        void run(Socket socket, PduReader in, PduWriter out) throws Exception;
    }

    private <T> T withFakeAcceptor(Script script, ClientSide<T> client) throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
                try (Socket s = ss.accept()) {
                    s.setSoTimeout(5000);
                    PduReader in = new PduReader(new BufferedInputStream(s.getInputStream()), 1 << 20);
                    PduWriter out = new PduWriter(s.getOutputStream());
                    assertInstanceOf(AAssociateRq.class, in.read());
                    script.run(s, in, out);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            try {
                return client.run(ss.getLocalPort());
            } finally {
                server.get(10, TimeUnit.SECONDS);
            }
        }
    }

    private interface ClientSide<T> {
        T run(int port) throws Exception;
    }

    private static AAssociateAc acceptEcho() {
        return new AAssociateAc(1, "FAKE", "SCU", Uids.APPLICATION_CONTEXT,
                List.of(new PresentationContextAc(1, 0, Uids.IMPLICIT_VR_LITTLE_ENDIAN)),
                UserInformation.of(4096, "1.2.3", null));
    }

    private DimseClient open(int port) throws IOException {
        return DimseClient.open(new AssociationRequestor(config), "127.0.0.1", port, "FAKE",
                RawPeer.echoRq("FAKE").presentationContexts());
    }

    @Test
    void connectionRefused() throws Exception {
        int port = Dcmtk.freePort();
        assertThrows(ConnectException.class, () -> open(port));
    }

    @Test
    void artimWhenAcceptorNeverAnswers() throws Exception {
        withFakeAcceptor((s, in, out) -> Thread.sleep(1500), port -> {
            long t0 = System.nanoTime();
            assertThrows(SocketTimeoutException.class, () -> open(port));
            assertTrue(System.nanoTime() - t0 < 1_500_000_000L);
            return null;
        });
    }

    @Test
    void malformedAnswerIsAborted() throws Exception {
        withFakeAcceptor((s, in, out) -> {
            s.getOutputStream().write(new byte[] {0x02, 0, 0, 0, 0, 3, 1, 2, 3});
            // we must get an A-ABORT back for the malformed A-ASSOCIATE-AC
            assertEquals(AAbort.SOURCE_SERVICE_PROVIDER, ((AAbort) in.read()).source());
        }, port -> assertThrows(AssociationAbortedException.class, () -> open(port)));
    }

    @Test
    void usesAcceptorsMaxPduAndDetectsPeerAbort() throws Exception {
        withFakeAcceptor((s, in, out) -> {
            out.write(acceptEcho());
            Pdu p = in.read();
            assertInstanceOf(PDataTf.class, p);
            out.write(new AAbort(AAbort.SOURCE_SERVICE_USER, 0));
        }, port -> {
            DimseClient c = open(port);
            assertEquals(4096, c.info().peerMaxPduLength(), "peer's max comes from the A-ASSOCIATE-AC");
            assertEquals("1.2.3", c.info().peerImplementationClassUid());
            PendingRequest p = c.invoke(1, new CEchoRq(c.nextMessageId(), Uids.VERIFICATION), null);
            AssociationAbortedException e = assertThrows(AssociationAbortedException.class,
                    () -> p.awaitFinal(Duration.ofSeconds(3)));
            assertNotNull(e.getMessage());
            assertTrue(c.association().awaitClosed(Duration.ofSeconds(2)));
            assertTrue(c.association().closeCause().getMessage().contains("peer aborted"));
            return null;
        });
    }

    @Test
    void releaseWithoutReplyTimesOutAndAborts() throws Exception {
        withFakeAcceptor((s, in, out) -> {
            out.write(acceptEcho());
            assertInstanceOf(AReleaseRq.class, in.read());
            // never answer; after ARTIM the requestor must abort
            assertEquals(AAbort.SOURCE_SERVICE_USER, ((AAbort) in.read()).source());
        }, port -> {
            DimseClient c = open(port);
            long t0 = System.nanoTime();
            assertThrows(SocketTimeoutException.class, c::release);
            assertTrue(System.nanoTime() - t0 < 2_000_000_000L);
            assertTrue(c.association().awaitClosed(Duration.ofSeconds(2)));
            return null;
        });
    }
}
