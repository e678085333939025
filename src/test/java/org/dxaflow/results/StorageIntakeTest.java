package org.dxaflow.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.dxaflow.app.Engine;
import org.dxaflow.dicom.testing.Dcmtk;
import org.dxaflow.hl7.MllpClient;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.FreePort;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.Samples;
import org.dxaflow.testing.TestEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scanner's results arriving by C-STORE from DCMTK's storescu: spooled exactly as sent,
 * recorded once, tied to the order by accession number, or kept as unmatched.
 */
class StorageIntakeTest {

    @TempDir
    static Path dataDir;
    @TempDir
    static Path work;

    static Engine engine;
    static Http http;

    @BeforeAll
    static void start() throws IOException {
        int hl7Port = FreePort.find();
        int httpPort = FreePort.find();
        engine = TestEngines.start(TestEngines.config(dataDir, hl7Port, httpPort));
        http = new Http(httpPort);
        try (MllpClient c = new MllpClient("127.0.0.1", hl7Port, 10_000)) {
            assertEquals("AA", Samples.field(c.send(Samples.hl7("02-orm-o01-v24-new-order-male.hl7")), "MSA", 1));
        }
        Await.until("order applied", Duration.ofSeconds(15), () -> http.orders("accessionNumber=ACC100002"),
                a -> a.size() == 1);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** An object made by DCMTK's dump2dcm from one of the test dumps, with its accession number set. */
    static Path object(String dump, String accession, String sopInstanceUid) throws Exception {
        String text = Files.readString(Path.of("src/test/resources/dicom/net", dump), StandardCharsets.ISO_8859_1)
                .replaceAll("\\(0008,0050\\) SH \\[[^\\]]*]", "(0008,0050) SH [" + accession + "]")
                .replaceAll("\\(0008,0018\\) UI \\[[^\\]]*]", "(0008,0018) UI [" + sopInstanceUid + "]");
        Path in = Files.writeString(work.resolve(sopInstanceUid + ".dump"), text, StandardCharsets.ISO_8859_1);
        Path out = work.resolve(sopInstanceUid + ".dcm");
        Dcmtk.Result r = Dcmtk.run("dump2dcm", "--write-file", in.toString(), out.toString());
        // dump2dcm exits 0 even when it reports errors, so check it made the file.
        assertTrue(r.exitCode() == 0 && Files.exists(out), "dump2dcm failed: " + r.output());
        return out;
    }

    static void storescu(Path... files) throws Exception {
        String[] args = new String[5 + files.length];
        args[0] = "-aet";
        args[1] = "DXASCAN1";
        args[2] = "-aec";
        args[3] = "DXAFLOW";
        args[4] = "127.0.0.1";
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[5] = Integer.toString(engine.dicomPort());
        for (int i = 0; i < files.length; i++) {
            all[6 + i] = files[i].toString();
        }
        Dcmtk.Result r = Dcmtk.run("storescu", Arrays.copyOf(all, 6 + files.length));
        assertEquals(0, r.exitCode(), r.output());
    }

    /** dcmdump of the data set only: file meta information legitimately differs. */
    static String dataSetDump(Path file) throws Exception {
        Dcmtk.Result r = Dcmtk.run("dcmdump", "-M", "+L", file.toString());
        assertEquals(0, r.exitCode(), r.output());
        return Arrays.stream(r.output().split("\n")).filter(l -> !l.startsWith("(0002,"))
                .filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n"));
    }

    @Test
    void anSrForAnOrderIsSpooledIdenticallyAndRecordedOnce() throws Exception {
        String uid = "2.25.4000000000000000000000000000000001";
        Path sr = object("basic-text-sr.dump", "ACC100002", uid);
        storescu(sr);
        storescu(sr); // the scanner resends: stored once
        JsonNode objects = Await.until("object recorded", Duration.ofSeconds(15),
                () -> http.get("/api/objects?accessionNumber=ACC100002").json(), a -> a.size() >= 1);
        assertEquals(1, objects.size());
        JsonNode o = objects.get(0);
        assertEquals(uid, o.get("sopInstanceUid").asText());
        assertEquals("1.2.840.10008.5.1.4.1.1.88.11", o.get("sopClassUid").asText());
        assertEquals("RECEIVED", o.get("status").asText());
        long orderId = http.orders("accessionNumber=ACC100002").get(0).get("id").asLong();
        assertEquals(orderId, o.get("orderId").asLong());
        Path spooled = Path.of(o.get("filePath").asText());
        assertTrue(spooled.startsWith(dataDir.toAbsolutePath()), "spooled under the data dir: " + spooled);
        assertEquals(dataSetDump(sr), dataSetDump(spooled));
    }

    @Test
    void anObjectWithNoOrderIsKeptAsUnmatched() throws Exception {
        // Made by dump2dcm with accession ACC0001, which no order has.
        String uid = org.dxaflow.dicom.testing.TestObjects.SC_INSTANCE;
        Path sc = org.dxaflow.dicom.testing.TestObjects.secondaryCapture(work, "+te");
        storescu(sc);
        JsonNode unmatched = Await.until("unmatched recorded", Duration.ofSeconds(15),
                () -> http.get("/api/objects?status=UNMATCHED").json(), a -> a.size() >= 1);
        assertEquals(uid, unmatched.get(0).get("sopInstanceUid").asText());
        assertEquals(dataSetDump(sc), dataSetDump(Path.of(unmatched.get(0).get("filePath").asText())));
    }

    @Test
    void bytesThatAreNotADataSetAreAnsweredCannotUnderstandAndNotKept() throws Exception {
        // a C-STORE whose data set is 3 KB of random bytes: before, it was answered Success and recorded
        byte[] garbage = new byte[3000];
        new java.util.Random(42).nextBytes(garbage);
        String uid = "2.25.900000000000000000001";
        org.dxaflow.dicom.net.RequestorConfig config = org.dxaflow.dicom.net.RequestorConfig.defaults("FUZZER");
        try (org.dxaflow.dicom.dimse.service.DimseClient client = org.dxaflow.dicom.dimse.service.DimseClient.open(
                new org.dxaflow.dicom.net.AssociationRequestor(config), "127.0.0.1", engine.dicomPort(), "DXAFLOW",
                List.of(new org.dxaflow.dicom.net.pdu.PresentationContextRq(1,
                        org.dxaflow.dicom.data.SopClass.SECONDARY_CAPTURE_IMAGE_STORAGE,
                        List.of(org.dxaflow.dicom.net.Uids.EXPLICIT_VR_LITTLE_ENDIAN))))) {
            org.dxaflow.dicom.dimse.CStoreRq rq = new org.dxaflow.dicom.dimse.CStoreRq(client.nextMessageId(),
                    org.dxaflow.dicom.data.SopClass.SECONDARY_CAPTURE_IMAGE_STORAGE, uid);
            org.dxaflow.dicom.dimse.DimseMessage rsp = client.invoke(1, rq,
                    new org.dxaflow.dicom.dimse.DataSet(garbage, org.dxaflow.dicom.net.Uids.EXPLICIT_VR_LITTLE_ENDIAN))
                    .awaitFinal(Duration.ofSeconds(10));
            org.dxaflow.dicom.dimse.CStoreRsp r = (org.dxaflow.dicom.dimse.CStoreRsp) rsp.command();
            assertEquals(0xC000, r.status());
            assertTrue(r.errorComment().startsWith("data set cannot be parsed"), r.errorComment());
            assertTrue(r.errorComment().length() <= 64, r.errorComment());
            client.release();
        }
        assertFalse(Files.exists(dataDir.resolve("spool/dicom/" + uid + ".dcm")), "nothing spooled");
        for (JsonNode o : http.get("/api/objects?status=UNMATCHED").json()) {
            assertFalse(o.get("sopInstanceUid").asText().equals(uid), "nothing recorded");
        }
    }
}
