package org.dxaflow.dicom.dimse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.dxaflow.dicom.dimse.service.EchoScu;
import org.dxaflow.dicom.dimse.service.ServiceRegistry;
import org.dxaflow.dicom.dimse.service.VerificationScp;
import org.dxaflow.dicom.net.AssociationRejectedException;
import org.dxaflow.dicom.net.DicomServer;
import org.dxaflow.dicom.net.RequestorConfig;
import org.dxaflow.dicom.net.Uids;
import org.dxaflow.dicom.net.pdu.AAssociateRj;
import org.dxaflow.dicom.testing.Dcmtk;
import org.dxaflow.dicom.testing.RecordingMonitor;
import org.dxaflow.dicom.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verification against the real DCMTK echoscu/storescp. */
class VerificationDcmtkTest {
    private static final ServiceRegistry ECHO_ONLY = ServiceRegistry.builder()
            .register(Uids.VERIFICATION, new VerificationScp()).build();

    @Test
    void echoscuSucceedsAgainstOurScp() throws Exception {
        try (DicomServer server = TestServers.start(TestServers.config("OURAE"), ECHO_ONLY)) {
            Dcmtk.Result r = Dcmtk.run("echoscu", "-aet", "X", "-aec", "OURAE", "127.0.0.1",
                    String.valueOf(server.port()));
            assertEquals(0, r.exitCode(), r.output());
        }
    }

    @Test
    void echoscuWithWrongCalledAeIsRejectedAndLogged() throws Exception {
        RecordingMonitor monitor = new RecordingMonitor();
        try (DicomServer server = TestServers.start(TestServers.config("OURAE"), ECHO_ONLY, monitor)) {
            Dcmtk.Result r = Dcmtk.run("echoscu", "-aet", "X", "-aec", "NOTOURS", "127.0.0.1",
                    String.valueOf(server.port()));
            assertNotEquals(0, r.exitCode(), r.output());
            // DCMTK prints the rejection reason it decoded from our RJ PDU (PS3.8 table 9-21).
            assertTrue(r.output().contains("Called AE Title Not Recognized"), r.output());
            assertEquals(1, monitor.rejections.size());
            assertEquals(new AAssociateRj(1, 1, 7), monitor.rejections.get(0));
        }
    }

    @Test
    void callingAeNotOnAllowListIsRejected() throws Exception {
        var config = TestServers.config("OURAE").withAllowedCallingAeTitles(Set.of("GOODSCU"));
        try (DicomServer server = TestServers.start(config, ECHO_ONLY)) {
            Dcmtk.Result bad = Dcmtk.run("echoscu", "-aet", "BADSCU", "-aec", "OURAE", "127.0.0.1",
                    String.valueOf(server.port()));
            assertNotEquals(0, bad.exitCode(), bad.output());
            assertTrue(bad.output().contains("Calling AE Title Not Recognized"), bad.output());
            Dcmtk.Result good = Dcmtk.run("echoscu", "-aet", "GOODSCU", "-aec", "OURAE", "127.0.0.1",
                    String.valueOf(server.port()));
            assertEquals(0, good.exitCode(), good.output());
        }
    }

    @Test
    void ourEchoScuAgainstOurScp() throws Exception {
        try (DicomServer server = TestServers.start(TestServers.config("OURAE"), ECHO_ONLY)) {
            EchoScu scu = new EchoScu(RequestorConfig.defaults("ME"));
            assertEquals(Status.SUCCESS, scu.echo("127.0.0.1", server.port(), "OURAE"));
            AssociationRejectedException e = assertThrows(AssociationRejectedException.class,
                    () -> scu.echo("127.0.0.1", server.port(), "WRONG"));
            assertEquals(AAssociateRj.RESULT_PERMANENT, e.rejection().result());
            assertEquals(AAssociateRj.SOURCE_SERVICE_USER, e.rejection().source());
            assertEquals(AAssociateRj.REASON_CALLED_AE_NOT_RECOGNIZED, e.rejection().reason());
        }
    }

    @Test
    void ourEchoScuAgainstDcmtkStorescp(@TempDir Path dir) throws Exception {
        int port = Dcmtk.freePort();
        Process storescp = Dcmtk.start(dir.resolve("storescp.log"), "storescp", "-aet", "DCMTKSCP",
                "--output-directory", dir.toString(), String.valueOf(port));
        try {
            Dcmtk.awaitListening(port, 10_000);
            int status = new EchoScu(RequestorConfig.defaults("ME")).echo("127.0.0.1", port, "DCMTKSCP");
            assertEquals(Status.SUCCESS, status);
        } finally {
            storescp.destroy();
            storescp.waitFor();
        }
    }
}
