package org.dxaflow.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.dimse.service.DimseClient;
import org.dxaflow.dicom.dimse.service.ServiceRegistry;
import org.dxaflow.dicom.dimse.service.VerificationScp;
import org.dxaflow.dicom.net.pdu.AAssociateRj;
import org.dxaflow.dicom.testing.Dcmtk;
import org.dxaflow.dicom.testing.RawPeer;
import org.dxaflow.dicom.testing.RecordingMonitor;
import org.dxaflow.dicom.testing.TestServers;
import org.junit.jupiter.api.Test;

/** N+1 simultaneous associations: the extra one gets A-ASSOCIATE-RJ transient / local limit exceeded. */
class ConcurrencyCapTest {
    private static final int N = 3;

    @Test
    void extraAssociationIsRejectedWithLocalLimitExceeded() throws Exception {
        RecordingMonitor monitor = new RecordingMonitor();
        AcceptorConfig cfg = TestServers.config("OURAE").withMaxAssociations(N);
        try (DicomServer server = TestServers.start(cfg, ServiceRegistry.builder()
                .register(Uids.VERIFICATION, new VerificationScp()).build(), monitor)) {
            AssociationRequestor requestor = new AssociationRequestor(RequestorConfig.defaults("SCU"));
            List<DimseClient> open = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                open.add(DimseClient.open(requestor, "127.0.0.1", server.port(), "OURAE",
                        RawPeer.echoRq("OURAE").presentationContexts()));
            }
            assertEquals(N, server.activeConnections());

            AssociationRejectedException e = assertThrows(AssociationRejectedException.class, () ->
                    DimseClient.open(requestor, "127.0.0.1", server.port(), "OURAE",
                            RawPeer.echoRq("OURAE").presentationContexts()));
            // PS3.8 table 9-21: result 2 (transient), source 3 (presentation), reason 2 (local limit)
            assertEquals(new AAssociateRj(2, 3, 2), e.rejection());

            Dcmtk.Result r = Dcmtk.run("echoscu", "-aec", "OURAE", "127.0.0.1", String.valueOf(server.port()));
            assertNotEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("Local Limit Exceeded"), r.output());

            // the established ones still work, and after one is released a new one is accepted
            for (DimseClient c : open) {
                assertEquals(Status.SUCCESS, c.echo());
            }
            open.remove(0).release();
            AssociationLifecycleTest.waitFor(() -> server.activeConnections() == N - 1);
            Dcmtk.Result ok = Dcmtk.run("echoscu", "-aec", "OURAE", "127.0.0.1", String.valueOf(server.port()));
            assertEquals(0, ok.exitCode(), ok.output());
            for (DimseClient c : open) {
                c.release();
            }
            assertEquals(2, monitor.rejections.size());
        }
    }

    @Test
    void closingTheServerAbortsLiveAssociationsAndStopsListening() throws Exception {
        DicomServer server = TestServers.start(TestServers.config("OURAE"), ServiceRegistry.builder()
                .register(Uids.VERIFICATION, new VerificationScp()).build());
        int port = server.port();
        DimseClient client = DimseClient.open(new AssociationRequestor(RequestorConfig.defaults("SCU")),
                "127.0.0.1", port, "OURAE", RawPeer.echoRq("OURAE").presentationContexts());
        assertEquals(Status.SUCCESS, client.echo());
        server.close();
        assertTrue(client.association().awaitClosed(java.time.Duration.ofSeconds(5)));
        assertTrue(client.association().closeCause().getMessage().contains("peer aborted"),
                String.valueOf(client.association().closeCause()));
        assertThrows(java.net.ConnectException.class, () -> new java.net.Socket("127.0.0.1", port).close());
        AssociationLifecycleTest.waitFor(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("dicom-OURAE-") && t.isAlive()));
    }
}
