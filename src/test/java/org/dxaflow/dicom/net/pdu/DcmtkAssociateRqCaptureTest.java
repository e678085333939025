package org.dxaflow.dicom.net.pdu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dxaflow.dicom.testing.Dcmtk;
import org.junit.jupiter.api.Test;

/** Decodes the A-ASSOCIATE-RQ that DCMTK's echoscu really sends: the ground truth for our decoder. */
class DcmtkAssociateRqCaptureTest {

    @Test
    void decodesEchoscuAssociateRq() throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Pdu> captured = CompletableFuture.supplyAsync(() -> {
                try (Socket s = ss.accept()) {
                    s.setSoTimeout(10_000);
                    Pdu pdu = new PduReader(new BufferedInputStream(s.getInputStream()), 1 << 20).read();
                    // refuse politely so echoscu exits
                    new PduWriter(s.getOutputStream()).write(new AAssociateRj(1, 1, 1));
                    return pdu;
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            Dcmtk.Result r = Dcmtk.run("echoscu", "-aet", "CAPTURE_SCU", "-aec", "CAPTURE_SCP", "-pdu", "8192",
                    "127.0.0.1", String.valueOf(ss.getLocalPort()));
            assertTrue(r.exitCode() != 0, "echoscu must report the rejection");
            AAssociateRq rq = (AAssociateRq) captured.get(20, TimeUnit.SECONDS);
            assertEquals("CAPTURE_SCP", rq.calledAeTitle());
            assertEquals("CAPTURE_SCU", rq.callingAeTitle());
            assertEquals(1, rq.protocolVersion() & 1);
            assertEquals("1.2.840.10008.3.1.1.1", rq.applicationContextName());
            PresentationContextRq pc = rq.presentationContexts().get(0);
            assertEquals(1, pc.id());
            assertEquals("1.2.840.10008.1.1", pc.abstractSyntax());
            assertTrue(pc.transferSyntaxes().contains("1.2.840.10008.1.2"), pc.transferSyntaxes().toString());
            assertEquals(8192, rq.userInformation().maxPduLength());
            // DCMTK's registered implementation class UID root (OFFIS)
            assertTrue(rq.userInformation().implementationClassUid().startsWith("1.2.276.0.7230010.3"),
                    rq.userInformation().implementationClassUid());
            assertTrue(rq.userInformation().implementationVersionName().startsWith("OFFIS_DCMTK"));
        }
    }
}
