package org.dxaflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.dxaflow.dicom.testing.OrthancServer;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.FreePort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code dxaflow.pacs.storage-commitment=true} a delivery to PACS is done only when the PACS
 * has confirmed safe keeping: a real Orthanc answers the N-ACTION and sends its N-EVENT-REPORT on a
 * new association to the engine's own DICOM port (its DicomModalities entry for DXAFLOW).
 */
class StorageCommitmentDeliveryTest {

    static final int ENGINE_DICOM_PORT = FreePort.find();
    static final Path WORK = ReportPeers.tempDir();
    static final OrthancServer PACS = orthanc();

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.shipped().andEnv(Map.of(
            "DXAFLOW_DICOM_PORT", Integer.toString(ENGINE_DICOM_PORT),
            "DXAFLOW_PACS_HOST", "127.0.0.1",
            "DXAFLOW_PACS_PORT", Integer.toString(PACS.dicomPort()),
            "DXAFLOW_PACS_AET", PACS.aeTitle(),
            "DXAFLOW_PACS_STORAGE_COMMITMENT", "true",
            "DXAFLOW_PACS_STORAGE_COMMITMENT_TIMEOUT_SECONDS", "20",
            "DXAFLOW_REPORT_POLL_MS", "100",
            "DXAFLOW_REPORT_RETRY_DELAY_MS", "200"));

    @AfterAll
    static void stopPacs() throws Exception {
        PACS.close();
        ReportPeers.delete(WORK);
    }

    @Test
    void theDeliveryIsDoneWhenThePacsHasCommittedBothObjects() throws Exception {
        long reportId = ReportPeers.reportFor(engine, ReportPeers.scheduleAndScan(engine, ENGINE_DICOM_PORT));
        JsonNode pacs = Await.until("PACS delivery made", Duration.ofSeconds(60),
                () -> engine.http().get("/api/reports/" + reportId).json().get("deliveries").get(0),
                d -> d.get("delivery").get("status").asText().equals("DELIVERED"));
        assertEquals("PACS", pacs.get("delivery").get("destination").asText());
        assertEquals(2, PACS.get("/instances").size());
        // Orthanc took our N-ACTION and reported both instances committed to the engine's port
        String log = PACS.log();
        assertTrue(log.contains("Incoming storage commitment request"), log);
        assertTrue(log.contains("Reporting modality \"DXAFLOW\" about storage commitment transaction")
                && log.contains("(2 successes, 0 failures)"), log);
    }

    private static OrthancServer orthanc() {
        try {
            return OrthancServer.start(WORK.resolve("orthanc"), "PACSTEST", (ObjectNode cfg) -> {
                ObjectNode modality = cfg.putObject("DicomModalities").putObject("dxaflow");
                modality.put("AET", "DXAFLOW").put("Host", "127.0.0.1").put("Port", ENGINE_DICOM_PORT)
                        .put("AllowStorageCommitment", true);
            });
        } catch (Exception e) {
            throw new IllegalStateException("Orthanc did not start: " + e.getMessage(), e);
        }
    }
}
