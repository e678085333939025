package org.dxaflow.results;

import static org.dxaflow.dicom.testing.TestObjects.dataSetDump;
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
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.Samples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scanner's results arriving by C-STORE from DCMTK's storescu: spooled exactly as sent,
 * recorded once, tied to the order by accession number, or kept as unmatched.
 */
class StorageIntakeTest {

    @TempDir
    static Path work;

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.shipped();
    static final Http http = engine.http();
    static ScannerTools scanner;

    @BeforeAll
    static void start() throws IOException {
        scanner = new ScannerTools(work, engine.dicomPort());
        engine.accept(Samples.hl7("02-orm-o01-v24-new-order-male.hl7"));
        Await.until("order applied", Duration.ofSeconds(15), () -> http.orders("accessionNumber=ACC100002"),
                a -> a.size() == 1);
    }

    /** An object made by DCMTK's dump2dcm from one of the test dumps, with its accession number set. */
    static Path object(String dump, String accession, String sopInstanceUid) throws Exception {
        String text = Files.readString(Path.of("src/test/resources/dicom/net", dump), StandardCharsets.ISO_8859_1)
                .replaceAll("\\(0008,0050\\) SH \\[[^\\]]*]", "(0008,0050) SH [" + accession + "]")
                .replaceAll("\\(0008,0018\\) UI \\[[^\\]]*]", "(0008,0018) UI [" + sopInstanceUid + "]");
        return scanner.object(text, sopInstanceUid);
    }

    @Test
    void anSrForAnOrderIsSpooledIdenticallyAndRecordedOnce() throws Exception {
        String uid = "2.25.4000000000000000000000000000000001";
        Path sr = object("basic-text-sr.dump", "ACC100002", uid);
        scanner.storescu(sr);
        scanner.storescu(sr); // the scanner resends: stored once
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
        assertTrue(spooled.startsWith(engine.dataDir().toAbsolutePath()), "spooled under the data dir: " + spooled);
        assertEquals(dataSetDump(sr), dataSetDump(spooled));
    }

    @Test
    void anObjectWithNoOrderIsKeptAsUnmatched() throws Exception {
        // Made by dump2dcm with accession ACC0001, which no order has.
        String uid = org.dxaflow.dicom.testing.TestObjects.SC_INSTANCE;
        Path sc = org.dxaflow.dicom.testing.TestObjects.secondaryCapture(work, "+te");
        scanner.storescu(sc);
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
        assertFalse(Files.exists(engine.dataDir().resolve("spool/dicom/" + uid + ".dcm")), "nothing spooled");
        for (JsonNode o : http.get("/api/objects?status=UNMATCHED").json()) {
            assertFalse(o.get("sopInstanceUid").asText().equals(uid), "nothing recorded");
        }
    }
}
