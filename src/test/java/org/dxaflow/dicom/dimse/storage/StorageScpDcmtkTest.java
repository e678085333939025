package org.dxaflow.dicom.dimse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;
import org.dxaflow.dicom.dimse.service.ServiceRegistry;
import org.dxaflow.dicom.dimse.service.VerificationScp;
import org.dxaflow.dicom.net.AcceptorConfig;
import org.dxaflow.dicom.net.DicomServer;
import org.dxaflow.dicom.net.Uids;
import org.dxaflow.dicom.testing.Dcmtk;
import org.dxaflow.dicom.testing.TestObjects;
import org.dxaflow.dicom.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DCMTK storescu sending to our StorageScp with the default spool handler. */
class StorageScpDcmtkTest {
    @TempDir
    Path tmp;

    private DicomServer startServer(Path spool, AcceptorConfig config) throws Exception {
        SpoolStoreHandler handler = new SpoolStoreHandler(spool, config.implementationClassUid(),
                config.implementationVersionName());
        ServiceRegistry.Builder registry = ServiceRegistry.builder().register(Uids.VERIFICATION, new VerificationScp());
        new StorageScp(handler).registerWith(registry, StorageSopClasses.DEFAULTS);
        return TestServers.start(config, registry.build());
    }

    /**
     * fileXfer: how dump2dcm encoded the source; propose: storescu's proposal option; pdu: both our
     * receive maximum and storescu's send maximum, so that 4096 forces many fragments.
     */
    @ParameterizedTest
    @CsvSource({
        "+te, -xe, 16384",
        "+te, -xi, 4096",
        "+ti, -xe, 4096",
        "+ti, -xi, 16384",
    })
    void storescuFilesArriveWithIdenticalDataSets(String fileXfer, String propose, int pdu) throws Exception {
        Path spool = tmp.resolve("spool");
        Path sr = TestObjects.basicTextSr(tmp, fileXfer);
        Path sc = TestObjects.secondaryCapture(tmp, fileXfer);
        try (DicomServer server = startServer(spool, TestServers.config("OURAE").withMaxPduLength(pdu))) {
            Dcmtk.Result r = Dcmtk.run("storescu", "-aet", "MODALITY", "-aec", "OURAE", propose,
                    "-pdu", String.valueOf(pdu), "--max-send-pdu", String.valueOf(pdu),
                    "127.0.0.1", String.valueOf(server.port()), sr.toString(), sc.toString());
            assertEquals(0, r.exitCode(), r.output());
        }
        Path spooledSr = spool.resolve(TestObjects.SR_INSTANCE + ".dcm");
        Path spooledSc = spool.resolve(TestObjects.SC_INSTANCE + ".dcm");
        // storescu keeps the file's encoding when that context is accepted (always with -xe, which
        // proposes all uncompressed syntaxes) and converts only when -xi forbids explicit VR.
        boolean converted = propose.equals("-xi") && fileXfer.equals("+te");
        String expectedTs = fileXfer.equals("+ti") || propose.equals("-xi") ? "=LittleEndianImplicit"
                : "=LittleEndianExplicit";
        // When storescu had to convert, the reference is DCMTK's own conversion of the source
        // (implicit VR loses the OB/OW distinction and changes encoded lengths).
        Path expectedSr = converted ? TestObjects.convert(sr, "+ti") : sr;
        Path expectedSc = converted ? TestObjects.convert(sc, "+ti") : sc;
        TestObjects.assertSameDataSet(expectedSr, spooledSr);
        TestObjects.assertSameDataSet(expectedSc, spooledSc);
        List<String> meta = TestObjects.metaDump(spooledSc);
        assertTrue(meta.stream().anyMatch(l -> l.contains("=SecondaryCaptureImageStorage")), meta.toString());
        assertTrue(meta.stream().anyMatch(l -> l.contains("[" + TestObjects.SC_INSTANCE + "]")), meta.toString());
        assertTrue(meta.stream().anyMatch(l -> l.startsWith("(0002,0010)") && l.contains(expectedTs)), meta.toString());
        assertTrue(meta.stream().anyMatch(l -> l.startsWith("(0002,0016)") && l.contains("[MODALITY]")),
                meta.toString());
        try (Stream<Path> files = Files.list(spool)) {
            assertEquals(2, files.count(), "no temp files may be left behind");
        }
    }

    @Test
    void duplicateInstanceIsStoredOnceAndAnsweredWithSuccess() throws Exception {
        Path spool = tmp.resolve("spool");
        Path sr = TestObjects.basicTextSr(tmp, "+te");
        try (DicomServer server = startServer(spool, TestServers.config("OURAE"))) {
            String port = String.valueOf(server.port());
            assertEquals(0, Dcmtk.run("storescu", "-aec", "OURAE", "127.0.0.1", port, sr.toString()).exitCode());
            Path spooled = spool.resolve(TestObjects.SR_INSTANCE + ".dcm");
            BasicFileAttributes first = Files.readAttributes(spooled, BasicFileAttributes.class);
            byte[] firstBytes = Files.readAllBytes(spooled);
            Dcmtk.Result again = Dcmtk.run("storescu", "-aec", "OURAE", "127.0.0.1", port, sr.toString());
            assertEquals(0, again.exitCode(), again.output());
            BasicFileAttributes second = Files.readAttributes(spooled, BasicFileAttributes.class);
            assertEquals(first.fileKey(), second.fileKey(), "file must not be replaced");
            assertEquals(first.lastModifiedTime(), second.lastModifiedTime(), "file must not be rewritten");
            assertEquals(List.of(firstBytes.length), List.of(Files.readAllBytes(spooled).length));
            try (Stream<Path> files = Files.list(spool)) {
                assertEquals(1, files.count());
            }
        }
    }

    @Test
    void anObjectOverTheLimitIsRefusedWithOutOfResourcesAndTheAssociationGoesOn() throws Exception {
        Path spool = tmp.resolve("spool");
        Path sc = TestObjects.secondaryCapture(tmp, "+te"); // 16 KiB of pixels
        Path sr = TestObjects.basicTextSr(tmp, "+te");     // about 1 KiB
        AcceptorConfig config = TestServers.config("OURAE").withMaxPduLength(4096).withMaxDataSetLength(8192);
        try (DicomServer server = startServer(spool, config)) {
            // one association: the large object first, then the small one
            Dcmtk.Result r = Dcmtk.run("storescu", "-d", "-nh", "-aet", "MODALITY", "-aec", "OURAE", "-xe",
                    "--max-send-pdu", "4096", "127.0.0.1", String.valueOf(server.port()), sc.toString(),
                    sr.toString());
            assertTrue(r.output().contains("0xa700: Refused: Out of resources"),
                    "the large one refused with Out of Resources:\n" + r.output());
            assertTrue(r.output().contains("[data set over 8192 bytes refused]"),
                    "the Error Comment says why:\n" + r.output());
            assertTrue(r.output().contains("0x0000: Success"),
                    "the small one stored on the same association:\n" + r.output());
            assertEquals(1, r.output().split("Requesting Association", -1).length - 1, r.output());
            assertFalse(r.output().contains("A-ABORT"), "no A-ABORT:\n" + r.output());
        }
        assertFalse(Files.exists(spool.resolve(TestObjects.SC_INSTANCE + ".dcm")), "the large object is not kept");
        TestObjects.assertSameDataSet(sr, spool.resolve(TestObjects.SR_INSTANCE + ".dcm"));
    }

    @Test
    void unsupportedSopClassIsRefusedByStorescu() throws Exception {
        Path spool = tmp.resolve("spool");
        Path ct = TestObjects.ctImage(tmp);
        try (DicomServer server = startServer(spool, TestServers.config("OURAE"))) {
            Dcmtk.Result r = Dcmtk.run("storescu", "-aec", "OURAE", "127.0.0.1", String.valueOf(server.port()),
                    ct.toString());
            assertNotEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().toLowerCase().contains("no presentation context"), r.output());
        }
        try (Stream<Path> files = Files.list(spool)) {
            assertFalse(files.findAny().isPresent(), "nothing may be spooled");
        }
    }
}
