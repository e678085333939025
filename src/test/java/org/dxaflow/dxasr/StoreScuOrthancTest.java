package org.dxaflow.dxasr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Site;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DicomFile;
import org.dxaflow.dicom.data.TransferSyntax;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.dimse.storage.StoreFailure;
import org.dxaflow.dicom.dimse.storage.StoreOutcome;
import org.dxaflow.dicom.dimse.storage.StoreResult;
import org.dxaflow.dicom.dimse.storage.StoreScu;
import org.dxaflow.dicom.net.RequestorConfig;
import org.dxaflow.dicom.testing.OrthancServer;
import org.dxaflow.dicom.testing.TestObjects;
import org.dxaflow.dicom.testing.WorklistItems;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * StoreScu against a real Orthanc; what arrived is checked through Orthanc's REST API. Here rather
 * than with StoreScu because it sends dxaflow's DXA result SR, which the DICOM library does not know.
 */
class StoreScuOrthancTest {
    @TempDir
    static Path tmp;
    private static OrthancServer orthanc;

    private final StoreScu scu = new StoreScu(RequestorConfig.defaults("DXAFLOW")
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20)));

    @BeforeAll
    static void startOrthanc() throws Exception {
        orthanc = OrthancServer.start(tmp.resolve("orthanc"), "ORTHANCTEST");
    }

    @AfterAll
    static void stopOrthanc() throws Exception {
        orthanc.close();
    }

    private StoreScu.Destination destination() {
        return new StoreScu.Destination("127.0.0.1", orthanc.dicomPort(), orthanc.aeTitle());
    }

    /** A result SR for item n (study 1.2.826.0.1.3680043.10.999.n) with instance UID 2.25.n. */
    private static Path resultSr(int n) throws Exception {
        Attributes item = WorklistItems.attributes(tmp, "ACC" + n, n);
        Attributes sr = new DxaResultSr(new DxaResultSr.Equipment("DXAFLOW-SIM", "scanner-sim", "0.1.0", null, null))
                .build(item, new DxaResultSr.Identity("2.25." + n + "1", "2.25." + n, null,
                        LocalDateTime.of(2024, 1, 15, 10, 30), 1, 1),
                        List.of(SiteMeasurement.bmd(Site.L1_L4, null, new BigDecimal("0.912")),
                                SiteMeasurement.bmd(Site.TOTAL_HIP, Laterality.RIGHT, new BigDecimal("0.833"))));
        Path file = tmp.resolve("sr-" + n + ".dcm");
        DicomFile.of(sr, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).write(file);
        return file;
    }

    /** Orthanc instance id by SOP Instance UID, through GET /instances and simplified-tags. */
    private static Map<String, JsonNode> instancesBySopUid() throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode id : orthanc.get("/instances")) {
            JsonNode tags = orthanc.get("/instances/" + id.asText() + "/simplified-tags");
            out.put(tags.path("SOPInstanceUID").asText(), tags);
        }
        return out;
    }

    @Test
    void resultSrArrivesInOrthancWithItsStudyAndValues() throws Exception {
        StoreOutcome o = scu.storeOne(destination(), resultSr(4101));
        assertEquals(Status.SUCCESS, o.status());

        JsonNode tags = instancesBySopUid().get("2.25.4101");
        assertTrue(tags != null, "Orthanc has no instance 2.25.4101: " + instancesBySopUid().keySet());
        assertEquals("1.2.840.10008.5.1.4.1.1.88.33", tags.path("SOPClassUID").asText());
        assertEquals(WorklistItems.STUDY_UID_PREFIX + "4101", tags.path("StudyInstanceUID").asText());
        assertEquals("ACC4101", tags.path("AccessionNumber").asText());
        assertEquals("SR", tags.path("Modality").asText());
        assertEquals("DXAFLOW-SIM", tags.path("Manufacturer").asText());
        // Orthanc parsed the content tree too: first site container, first NUM value
        JsonNode spine = tags.path("ContentSequence").path(0);
        assertEquals("Lumbar spine L1-L4", spine.path("ConceptNameCodeSequence").path(0).path("CodeMeaning").asText());
        assertEquals("0.912", spine.path("ContentSequence").path(0).path("MeasuredValueSequence").path(0)
                .path("NumericValue").asText().strip());
    }

    @Test
    void batchOfSeveralFilesGoesOverOneAssociation() throws Exception {
        List<Path> files = new ArrayList<>(List.of(resultSr(4201), resultSr(4202), resultSr(4203),
                TestObjects.basicTextSr(tmp, "+te"), TestObjects.secondaryCapture(tmp, "+ti")));
        int associationsBefore = associationsLogged();

        StoreResult result = scu.store(destination(), files);
        assertTrue(result.allSucceeded(), result.toString());

        Map<String, JsonNode> stored = instancesBySopUid();
        for (String uid : List.of("2.25.4201", "2.25.4202", "2.25.4203", TestObjects.SR_INSTANCE,
                TestObjects.SC_INSTANCE)) {
            assertTrue(stored.containsKey(uid), uid + " not in Orthanc: " + stored.keySet());
        }
        assertEquals("1.2.840.10008.5.1.4.1.1.7", stored.get(TestObjects.SC_INSTANCE).path("SOPClassUID").asText());
        assertEquals(1, associationsLogged() - associationsBefore, "associations Orthanc received for the batch");
    }

    @Test
    void wrongCalledAeTitleIsATypedRejection() throws Exception {
        StoreResult r = scu.store(new StoreScu.Destination("127.0.0.1", orthanc.dicomPort(), "NOTORTHANC"),
                List.of(resultSr(4301)));
        assertEquals(StoreFailure.Kind.ASSOCIATION_REJECTED, r.outcomes().get(0).failure().kind(), r.toString());
    }

    /** Orthanc logs one "Association Received" line per association when run with --verbose. */
    private static int associationsLogged() throws Exception {
        Matcher m = Pattern.compile("Association Received").matcher(orthanc.log());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
