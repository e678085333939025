package org.dxaflow.dicom.dimse.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DicomFile;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.dimse.DataSet;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.net.Uids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolStoreHandlerTest {
    @TempDir
    Path tmp;

    private static StoreRequest request(String iuid, byte[] data) {
        return new StoreRequest("MOD", "OURAE", "127.0.0.1", StorageSopClasses.SECONDARY_CAPTURE, iuid,
                new DataSet(data, Uids.EXPLICIT_VR_LITTLE_ENDIAN));
    }

    @Test
    void writesPart10FileWithMetaAndExactDataSet() throws Exception {
        SpoolStoreHandler h = new SpoolStoreHandler(tmp, "1.2.3.4", "V1");
        byte[] data = {8, 0, 0x16, 0, 'U', 'I', 2, 0, '1', 0};
        assertEquals(Status.SUCCESS, h.store(request("2.25.1", data)));
        Path f = h.pathFor("2.25.1");
        byte[] all = Files.readAllBytes(f);
        assertArrayEquals(new byte[128], Arrays.copyOf(all, 128), "PS3.10 preamble");
        assertEquals("DICM", new String(all, 128, 4));
        DicomFile.Header header = DicomFile.readHeader(f);
        Attributes meta = header.fileMetaInformation();
        assertEquals(StorageSopClasses.SECONDARY_CAPTURE, meta.getString(Tag.MediaStorageSOPClassUID));
        assertEquals("2.25.1", meta.getString(Tag.MediaStorageSOPInstanceUID));
        assertEquals(Uids.EXPLICIT_VR_LITTLE_ENDIAN, meta.getString(Tag.TransferSyntaxUID));
        assertEquals("1.2.3.4", meta.getString(Tag.ImplementationClassUID));
        assertEquals("V1", meta.getString(Tag.ImplementationVersionName));
        assertEquals("MOD", meta.getString(Tag.SourceApplicationEntityTitle));
        assertArrayEquals(data, DicomFile.readDataSetBytes(f, header));
    }

    @Test
    void tempFilesAKillLeftAreRemovedAtStartAndSpooledObjectsKept() throws Exception {
        SpoolStoreHandler first = new SpoolStoreHandler(tmp, "1.2.3.4", "V1");
        byte[] data = {8, 0, 0x16, 0, 'U', 'I', 2, 0, '1', 0};
        assertEquals(Status.SUCCESS, first.store(request("2.25.1", data)));
        // killed mid-write (a cut temp file), and killed after the link but before the temp was removed
        Files.write(tmp.resolve(".incoming-123.part"), new byte[] {1, 2, 3});
        Files.createLink(tmp.resolve(".incoming-456.part"), first.pathFor("2.25.1"));
        Files.writeString(tmp.resolve(".announced"), "2.25.1\n"); // the announcer's, not a temp file

        new SpoolStoreHandler(tmp, "1.2.3.4", "V1"); // the next start

        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(".announced", "2.25.1.dcm"),
                    left.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("2.25.1", DicomFile.readHeader(first.pathFor("2.25.1")).fileMetaInformation()
                .getString(Tag.MediaStorageSOPInstanceUID));
    }

    @Test
    void refusesUidsThatAreNotUids() throws Exception {
        SpoolStoreHandler h = new SpoolStoreHandler(tmp.resolve("spool"), "1.2.3.4", null);
        for (String bad : List.of("../../etc/passwd", "1.2.03", "1..2", "", "1.2.a")) {
            assertEquals(Status.CANNOT_UNDERSTAND, h.store(request(bad, new byte[2])), bad);
        }
        try (Stream<Path> s = Files.list(tmp.resolve("spool"))) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void concurrentDuplicatesStoreExactlyOnce() throws Exception {
        SpoolStoreHandler h = new SpoolStoreHandler(tmp, "1.2.3.4", null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            byte[] payload = new byte[64 * 1024];
            Arrays.fill(payload, (byte) i);
            payloads.add(payload);
            results.add(pool.submit((Callable<Integer>) () -> h.store(request("2.25.77", payload))));
        }
        for (Future<Integer> r : results) {
            assertEquals(Status.SUCCESS, r.get());
        }
        pool.shutdown();
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("2.25.77.dcm"), s.map(p -> p.getFileName().toString()).toList(),
                    "one file, no temp files left");
        }
        Path f = h.pathFor("2.25.77");
        byte[] stored = DicomFile.readDataSetBytes(f, DicomFile.readHeader(f));
        assertTrue(payloads.stream().anyMatch(p -> Arrays.equals(p, stored)), "content is one whole payload");
    }
}
