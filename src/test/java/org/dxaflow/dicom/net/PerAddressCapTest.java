package org.dxaflow.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dxaflow.dicom.dimse.service.ServiceRegistry;
import org.dxaflow.dicom.dimse.service.VerificationScp;
import org.dxaflow.dicom.net.pdu.AAssociateAc;
import org.dxaflow.dicom.net.pdu.AAssociateRj;
import org.dxaflow.dicom.net.pdu.Pdu;
import org.dxaflow.dicom.testing.Dcmtk;
import org.dxaflow.dicom.testing.RawPeer;
import org.dxaflow.dicom.testing.TestServers;
import org.junit.jupiter.api.Test;

/**
 * One host holding associations open cannot lock out another: past its share it is refused with
 * A-ASSOCIATE-RJ transient / local limit exceeded, while a second host (127.0.0.2) still gets in.
 */
class PerAddressCapTest {

    @Test
    void oneAddressGetsItsShareAndAnotherAddressStillGetsIn() throws Exception {
        AcceptorConfig cfg = TestServers.config("OURAE").withMaxAssociations(10).withMaxAssociationsPerAddress(2);
        try (DicomServer server = TestServers.start(cfg, ServiceRegistry.builder()
                .register(Uids.VERIFICATION, new VerificationScp()).build())) {
            List<RawPeer> held = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    RawPeer p = new RawPeer("127.0.0.1", server.port(), 5000);
                    p.send(RawPeer.echoRq("OURAE"));
                    assertInstanceOf(AAssociateAc.class, p.read());
                    held.add(p);
                }

                try (RawPeer third = new RawPeer("127.0.0.1", server.port(), 5000)) {
                    third.send(RawPeer.echoRq("OURAE"));
                    Pdu answer = third.read();
                    // PS3.8 table 9-21: result 2 (transient), source 3 (presentation), reason 2 (local limit)
                    assertEquals(new AAssociateRj(2, 3, 2), answer);
                }
                Dcmtk.Result fromSameHost = Dcmtk.run("echoscu", "-aec", "OURAE", "127.0.0.1",
                        String.valueOf(server.port()));
                assertNotEquals(0, fromSameHost.exitCode(), fromSameHost.output());
                assertTrue(fromSameHost.output().contains("Local Limit Exceeded"), fromSameHost.output());

                try (RawPeer otherHost = new RawPeer("127.0.0.2", server.port(), 5000)) {
                    otherHost.send(RawPeer.echoRq("OURAE"));
                    assertInstanceOf(AAssociateAc.class, otherHost.read());
                }
            } finally {
                for (RawPeer p : held) {
                    p.close();
                }
            }
            // the slots come back when the held connections go
            AssociationLifecycleTest.waitFor(() -> server.activeConnections() == 0);
            Dcmtk.Result later = Dcmtk.run("echoscu", "-aec", "OURAE", "127.0.0.1", String.valueOf(server.port()));
            assertEquals(0, later.exitCode(), later.output());
        }
    }
}
