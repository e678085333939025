package org.dxaflow.dicom.dimse.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.dxaflow.dicom.data.SopClass;
import org.dxaflow.dicom.data.UidGenerator;
import org.dxaflow.dicom.dimse.storage.StoreOutcome;
import org.dxaflow.dicom.dimse.storage.StoreScu;
import org.dxaflow.dicom.net.DicomServer;
import org.dxaflow.dicom.net.RequestorConfig;
import org.dxaflow.dicom.testing.OrthancServer;
import org.dxaflow.dicom.testing.TestObjects;
import org.dxaflow.dicom.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage Commitment against a real Orthanc (1.6+ is a Storage Commitment SCP). Orthanc answers the
 * N-ACTION, releases, and reports on a new association to the modality its DicomModalities lists
 * for our calling AE title, proposing the SCP role for itself: so this exercises the role
 * negotiation of our acceptor and {@link StorageCommitmentResults} on it, as the engine's listener
 * would.
 */
class StorageCommitmentOrthancTest {
    private static final String OUR_AE = "DXACOMMIT";

    @TempDir
    static Path tmp;
    private static OrthancServer orthanc;
    private static DicomServer listener;
    private static final PendingCommitments pending = new PendingCommitments();

    private static final RequestorConfig SCU = RequestorConfig.defaults(OUR_AE)
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20));

    @BeforeAll
    static void start() throws Exception {
        listener = TestServers.start(TestServers.config(OUR_AE),
                new StorageCommitmentResults(pending).registerWith(ServiceRegistry.builder()).build());
        orthanc = OrthancServer.start(tmp.resolve("orthanc"), "ORTHANCSC", cfg -> {
            ObjectNode modality = cfg.putObject("DicomModalities").putObject("dxaflow");
            modality.put("AET", OUR_AE).put("Host", "127.0.0.1").put("Port", listener.port())
                    .put("AllowStorageCommitment", true);
        });
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (orthanc != null) {
                orthanc.close();
            }
        } finally {
            if (listener != null) {
                listener.close();
            }
        }
    }

    private StorageCommitmentScu scu() {
        // Zero: release at once, as Orthanc reports on a new association anyway.
        return new StorageCommitmentScu(SCU, pending, new UidGenerator(), Duration.ZERO);
    }

    private RemoteAe pacs() {
        return new RemoteAe("127.0.0.1", orthanc.dicomPort(), orthanc.aeTitle());
    }

    @Test
    void storedInstanceIsCommittedAndAMissingOneFailsWithNoSuchObjectInstance() throws Exception {
        Path file = TestObjects.secondaryCapture(tmp, "+te");
        StoreOutcome stored = new StoreScu(SCU).storeOne(
                new StoreScu.Destination("127.0.0.1", orthanc.dicomPort(), orthanc.aeTitle()), file);
        assertTrue(stored.succeeded(), stored.toString());
        assertEquals(TestObjects.SC_INSTANCE, stored.sopInstanceUid());

        SopReference present = new SopReference(SopClass.SECONDARY_CAPTURE_IMAGE_STORAGE, TestObjects.SC_INSTANCE);
        CommitmentResult ok = scu().requestAndAwait(pacs(), OUR_AE, List.of(present), Duration.ofSeconds(30));
        assertTrue(ok.allCommitted(), ok + "\n" + orthanc.log());
        assertEquals(CommitmentResult.Outcome.SUCCESSFUL, ok.outcome());
        assertEquals(List.of(present), ok.committed());

        SopReference absent = new SopReference(SopClass.SECONDARY_CAPTURE_IMAGE_STORAGE, "2.25.1234567890123");
        CommitmentResult bad = scu().requestAndAwait(pacs(), OUR_AE, List.of(present, absent),
                Duration.ofSeconds(30));
        assertFalse(bad.allCommitted());
        assertEquals(CommitmentResult.Outcome.FAILURES_EXIST, bad.outcome(), bad + "\n" + orthanc.log());
        assertEquals(List.of(present), bad.committed());
        // Orthanc's default lookup: an unknown SOP instance is 0x0112 (PS3.3 C.14.1.1)
        assertEquals(List.of(new CommitmentResult.Failure(absent, CommitmentResult.NO_SUCH_OBJECT_INSTANCE)),
                bad.failed());
        assertEquals(List.of(), bad.unreported());
        assertEquals(0, pending.size());
    }
}
