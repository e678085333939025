package org.dxaflow.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.dxaflow.dicom.dimse.service.ServiceRegistry;
import org.dxaflow.dicom.dimse.service.VerificationScp;
import org.dxaflow.dicom.net.pdu.AAbort;
import org.dxaflow.dicom.net.pdu.AAssociateAc;
import org.dxaflow.dicom.net.pdu.AAssociateRq;
import org.dxaflow.dicom.net.pdu.AReleaseRp;
import org.dxaflow.dicom.net.pdu.AReleaseRq;
import org.dxaflow.dicom.net.pdu.PDataTf;
import org.dxaflow.dicom.net.pdu.Pdu;
import org.dxaflow.dicom.net.pdu.PresentationContextRq;
import org.dxaflow.dicom.net.pdu.PresentationDataValue;
import org.dxaflow.dicom.net.pdu.UserInformation;
import org.dxaflow.dicom.testing.RawPeer;
import org.dxaflow.dicom.testing.RecordingMonitor;
import org.dxaflow.dicom.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Upper-layer behaviour of our server, driven byte by byte from a raw socket. */
class AssociationLifecycleTest {
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";

    private DicomServer server;
    private final RecordingMonitor monitor = new RecordingMonitor();

    @BeforeEach
    void start() throws Exception {
        AcceptorConfig cfg = TestServers.config("OURAE").withTimeouts(Duration.ofMillis(700), Duration.ofMillis(900));
        server = TestServers.start(cfg, ServiceRegistry.builder().register(Uids.VERIFICATION, new VerificationScp())
                .build(), monitor);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void refusedContextsCarryResult3And4OnTheWire() throws Exception {
        try (RawPeer peer = new RawPeer(server.port(), 3000)) {
            peer.send(new AAssociateRq(1, "OURAE", "RAW", Uids.APPLICATION_CONTEXT, List.of(
                    new PresentationContextRq(1, CT, List.of(Uids.IMPLICIT_VR_LITTLE_ENDIAN)),
                    new PresentationContextRq(3, Uids.VERIFICATION, List.of(JPEG_BASELINE)),
                    new PresentationContextRq(5, Uids.VERIFICATION, List.of(Uids.EXPLICIT_VR_LITTLE_ENDIAN))),
                    UserInformation.of(0, "1.2.3", null)));
            AAssociateAc ac = assertInstanceOf(AAssociateAc.class, peer.read());
            assertEquals(List.of(3, 4, 0), ac.presentationContexts().stream().map(pc -> pc.result()).toList());
            assertEquals(Uids.EXPLICIT_VR_LITTLE_ENDIAN, ac.presentationContexts().get(2).transferSyntax());
            peer.send(new AReleaseRq());
            assertInstanceOf(AReleaseRp.class, peer.read());
        }
    }

    @Test
    void pDataLargerThanOurAdvertisedMaximumIsAborted() throws Exception {
        try (RawPeer peer = new RawPeer(server.port(), 3000)) {
            peer.send(RawPeer.echoRq("OURAE"));
            AAssociateAc ac = assertInstanceOf(AAssociateAc.class, peer.read());
            long ourMax = ac.userInformation().maxPduLength();
            assertEquals(16384, ourMax);
            peer.send(new PDataTf(List.of(new PresentationDataValue(1, true, false, new byte[(int) ourMax]))));
            assertEquals(AAbort.byProvider(AAbort.REASON_INVALID_PARAMETER_VALUE), peer.read());
            assertTrue(peer.closedByPeer());
        }
    }

    @Test
    void pDataBeforeAssociationIsAborted() throws Exception {
        try (RawPeer peer = new RawPeer(server.port(), 3000)) {
            peer.send(new PDataTf(List.of(new PresentationDataValue(1, true, true, new byte[4]))));
            assertEquals(AAbort.byProvider(AAbort.REASON_UNEXPECTED_PDU), peer.read());
            assertTrue(peer.closedByPeer());
        }
    }

    @Test
    void secondAssociateRqOnEstablishedAssociationIsAborted() throws Exception {
        try (RawPeer peer = new RawPeer(server.port(), 3000)) {
            peer.send(RawPeer.echoRq("OURAE"));
            assertInstanceOf(AAssociateAc.class, peer.read());
            peer.send(RawPeer.echoRq("OURAE"));
            assertEquals(AAbort.byProvider(AAbort.REASON_UNEXPECTED_PDU), peer.read());
            assertTrue(peer.closedByPeer());
        }
    }

    @Test
    void artimClosesSilentAndTricklingConnections() throws Exception {
        long t0 = System.nanoTime();
        try (RawPeer silent = new RawPeer(server.port(), 5000); RawPeer trickle = new RawPeer(server.port(), 5000)) {
            byte[] rq = new org.dxaflow.dicom.net.pdu.PduEncoder().encode(RawPeer.echoRq("OURAE"));
            // one byte every 100 ms: each read succeeds, only a deadline (not SO_TIMEOUT) stops it
            boolean trickleCut = false;
            for (int i = 0; i < 30 && !trickleCut; i++) {
                try {
                    trickle.send(new byte[] {rq[i]});
                    Thread.sleep(100);
                } catch (java.io.IOException e) {
                    trickleCut = true; // broken pipe / reset: the server closed it
                }
            }
            assertTrue(trickleCut || trickle.closedByPeer(), "trickling peer must be cut off");
            assertTrue(silent.closedByPeer());
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 3000, "ARTIM of 700 ms took " + ms + " ms");
        waitFor(() -> server.activeConnections() == 0);
    }

    @Test
    void idleAssociationIsAborted() throws Exception {
        try (RawPeer peer = new RawPeer(server.port(), 5000)) {
            peer.send(RawPeer.echoRq("OURAE"));
            assertInstanceOf(AAssociateAc.class, peer.read());
            long t0 = System.nanoTime();
            Pdu p = peer.read();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(AAbort.SOURCE_SERVICE_PROVIDER, assertInstanceOf(AAbort.class, p).source());
            assertTrue(ms >= 800 && ms < 3000, "idle timeout 900 ms, took " + ms);
            assertTrue(peer.closedByPeer());
        }
        waitFor(() -> monitor.closeCauses.size() == 1);
        assertTrue(monitor.closeCauses.get(0).getMessage().contains("idle"), monitor.closeCauses.toString());
    }

    @Test
    void releaseAndAbortFromTheRequestor() throws Exception {
        AssociationRequestor requestor = new AssociationRequestor(RequestorConfig.defaults("SCU"));
        List<PresentationContextRq> pcs = RawPeer.echoRq("OURAE").presentationContexts();
        Association a = requestor.connect("127.0.0.1", server.port(), "OURAE", pcs, as -> pdata -> { });
        a.release();
        assertTrue(a.awaitClosed(Duration.ofSeconds(2)));
        assertNull(a.closeCause());
        Association b = requestor.connect("127.0.0.1", server.port(), "OURAE", pcs, as -> pdata -> { });
        b.abort();
        waitFor(() -> monitor.closeCauses.size() == 2);
        assertEquals("released", monitor.closeCauses.get(0).getMessage());
        assertTrue(monitor.closeCauses.get(1).getMessage().contains("peer aborted"), monitor.closeCauses.toString());
        assertThrows(AssociationAbortedException.class, b::release);
        waitFor(() -> server.activeConnections() == 0 && server.associations().size() == 0);
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not reached within 5 s");
            }
            Thread.sleep(20);
        }
    }
}
