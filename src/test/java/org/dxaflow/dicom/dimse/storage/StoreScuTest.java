package org.dxaflow.dicom.dimse.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.dxaflow.dicom.data.DicomFile;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.dimse.service.ServiceRegistry;
import org.dxaflow.dicom.net.AcceptorConfig;
import org.dxaflow.dicom.net.DicomServer;
import org.dxaflow.dicom.net.RequestorConfig;
import org.dxaflow.dicom.testing.Dcmtk;
import org.dxaflow.dicom.testing.RecordingMonitor;
import org.dxaflow.dicom.testing.TestObjects;
import org.dxaflow.dicom.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our StoreScu against DCMTK storescp and against our own StorageScp, including typed failures. */
class StoreScuTest {
    @TempDir
    Path tmp;

    private final StoreScu scu = new StoreScu(RequestorConfig.defaults("DXAFLOW")
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(1500)));

    @Test
    void sendsToDcmtkStorescp() throws Exception {
        Path sr = TestObjects.basicTextSr(tmp, "+te");
        Path sc = TestObjects.secondaryCapture(tmp, "+ti");
        Path out = Files.createDirectory(tmp.resolve("storescp-out"));
        int port = Dcmtk.freePort();
        // -pdu 4096: storescp aborts on any PDU above the maximum it advertised, so the ~16 KiB
        // Secondary Capture only arrives if we fragment to the peer's (not our own) maximum.
        Process storescp = Dcmtk.start(tmp.resolve("storescp.log"), "storescp", "-aet", "DCMTKSCP", "-pdu", "4096",
                "--output-directory", out.toString(), String.valueOf(port));
        try {
            Dcmtk.awaitListening(port, 10_000);
            StoreResult result = scu.store(new StoreScu.Destination("127.0.0.1", port, "DCMTKSCP"), List.of(sr, sc));
            assertTrue(result.allSucceeded(), result.toString());
            assertEquals(List.of(Status.SUCCESS, Status.SUCCESS),
                    result.outcomes().stream().map(StoreOutcome::status).toList());
        } finally {
            storescp.destroy();
            storescp.waitFor();
        }
        // storescp names files <SOP class abbreviation>.<SOP instance UID>
        TestObjects.assertSameDataSet(sr, received(out, TestObjects.SR_INSTANCE));
        TestObjects.assertSameDataSet(sc, received(out, TestObjects.SC_INSTANCE));
    }

    private static Path received(Path dir, String sopInstanceUid) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> matches = files.filter(p -> p.getFileName().toString().endsWith("." + sopInstanceUid)).toList();
            assertEquals(1, matches.size(), "files for " + sopInstanceUid + " in " + dir);
            return matches.get(0);
        }
    }

    @Test
    void batchToOurScpIsByteExactAndUsesOneAssociation() throws Exception {
        Path sr = TestObjects.basicTextSr(tmp, "+ti");
        Path sc = TestObjects.secondaryCapture(tmp, "+te");
        Path ct = TestObjects.ctImage(tmp);
        Path notDicom = Files.writeString(tmp.resolve("notes.txt"), "not a DICOM file at all");
        Path spool = tmp.resolve("spool");
        RecordingMonitor monitor = new RecordingMonitor();
        AcceptorConfig cfg = TestServers.config("OURAE").withMaxPduLength(4096);
        SpoolStoreHandler handler = new SpoolStoreHandler(spool, cfg.implementationClassUid(),
                cfg.implementationVersionName());
        try (DicomServer server = TestServers.start(cfg, new StorageScp(handler)
                .registerWith(ServiceRegistry.builder(), StorageSopClasses.DEFAULTS).build(), monitor)) {
            StoreResult result = scu.store(new StoreScu.Destination("127.0.0.1", server.port(), "OURAE"),
                    List.of(sr, notDicom, sc, ct));
            List<StoreOutcome> o = result.outcomes();
            assertTrue(o.get(0).succeeded(), o.get(0).toString());
            assertEquals(StoreFailure.Kind.INVALID_FILE, o.get(1).failure().kind());
            assertTrue(o.get(2).succeeded(), o.get(2).toString());
            assertEquals(StoreFailure.Kind.NO_PRESENTATION_CONTEXT, o.get(3).failure().kind());
            assertFalse(o.get(3).failure().retryable());
            assertEquals(1, monitor.accepted.size(), "one association for the batch");
        }
        for (Path src : List.of(sr, sc)) {
            DicomFile.Header h = DicomFile.readHeader(src);
            Path spooled = spool.resolve(h.sopInstanceUid() + ".dcm");
            assertArrayEquals(DicomFile.readDataSetBytes(src, h),
                    DicomFile.readDataSetBytes(spooled, DicomFile.readHeader(spooled)),
                    "data set bytes must arrive unchanged: " + src.getFileName());
            assertEquals(h.transferSyntaxUid(), DicomFile.readHeader(spooled).transferSyntaxUid());
            // and DCMTK can read what we wrote
            TestObjects.assertSameDataSet(src, spooled);
        }
    }

    @Test
    void failuresAreTypedForRetryDecisions() throws Exception {
        Path sr = TestObjects.basicTextSr(tmp, "+te");
        int closedPort = Dcmtk.freePort();
        StoreFailureException refused = assertThrows(StoreFailureException.class,
                () -> scu.storeOne(new StoreScu.Destination("127.0.0.1", closedPort, "X"), sr));
        assertEquals(StoreFailure.Kind.CONNECTION_REFUSED, refused.failure().kind());
        assertTrue(refused.failure().retryable());

        StoreHandler full = request -> Status.OUT_OF_RESOURCES;
        StoreHandler slow = request -> {
            Thread.sleep(4000);
            return Status.SUCCESS;
        };
        for (StoreHandler h : List.of(full, slow)) {
            try (DicomServer server = TestServers.start(TestServers.config("OURAE"), new StorageScp(h)
                    .registerWith(ServiceRegistry.builder(), StorageSopClasses.DEFAULTS).build())) {
                StoreScu.Destination dest = new StoreScu.Destination("127.0.0.1", server.port(), "OURAE");
                StoreFailure f = assertThrows(StoreFailureException.class, () -> scu.storeOne(dest, sr)).failure();
                if (h == full) {
                    assertEquals(StoreFailure.Kind.STATUS_FAILURE, f.kind());
                    assertEquals(Status.OUT_OF_RESOURCES, f.status());
                    assertTrue(f.retryable());
                } else {
                    assertEquals(StoreFailure.Kind.TIMEOUT, f.kind());
                }
                StoreFailure rj = assertThrows(StoreFailureException.class, () -> scu.storeOne(
                        new StoreScu.Destination("127.0.0.1", server.port(), "WRONGAE"), sr)).failure();
                assertEquals(StoreFailure.Kind.ASSOCIATION_REJECTED, rj.kind());
                assertFalse(rj.retryable(), "permanent rejection (called AE) is not retryable");
            }
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.findAny().isPresent());
        }
    }
}
