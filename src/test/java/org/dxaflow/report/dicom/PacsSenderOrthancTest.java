package org.dxaflow.report.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.testing.Dcmtk;
import org.dxaflow.dicom.testing.OrthancServer;
import org.dxaflow.report.DeliveryFailure;
import org.dxaflow.report.ReportDocument;
import org.dxaflow.report.ReportExamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PacsSender against a real Orthanc; what arrived is read back through Orthanc's REST API. */
class PacsSenderOrthancTest {
    @TempDir
    static Path tmp;
    private static OrthancServer orthanc;

    @BeforeAll
    static void startOrthanc() throws Exception {
        orthanc = OrthancServer.start(tmp.resolve("orthanc"), "ORTHANCRPT");
    }

    @AfterAll
    static void stopOrthanc() throws Exception {
        orthanc.close();
    }

    private static PacsSender sender(String calledAet) {
        return new PacsSender("127.0.0.1", orthanc.dicomPort(), calledAet, "DXAFLOW", Duration.ofSeconds(10));
    }

    private static List<Attributes> objects(ReportDocument doc) {
        return List.of(new ReportSrWriter(ReportSrWriterTest.CODES, ReportSrWriterTest.SETTINGS).write(doc),
                new EncapsulatedPdfWriter(ReportSrWriterTest.CODES, ReportSrWriterTest.SETTINGS)
                        .write(doc, EncapsulatedPdfWriterTest.pdf()));
    }

    /** The study's instances by SOP Instance UID, through GET /instances and simplified-tags. */
    private static Map<String, JsonNode> instancesOfStudy(String studyUid) throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode id : orthanc.get("/instances")) {
            JsonNode tags = orthanc.get("/instances/" + id.asText() + "/simplified-tags");
            if (studyUid.equals(tags.path("StudyInstanceUID").asText())) {
                out.put(tags.path("SOPInstanceUID").asText(), tags);
            }
        }
        return out;
    }

    @Test
    void srAndPdfArriveInTheStudyAndAResendKeepsOneCopyOfEach() throws Exception {
        ReportDocument doc = ReportExamples.verified(ReportExamples.postmenopausalWithPrior());
        List<Attributes> objects = objects(doc);
        sender(orthanc.aeTitle()).send(objects);

        Map<String, JsonNode> stored = instancesOfStudy(ReportExamples.STUDY);
        assertEquals(2, stored.size(), stored.keySet().toString());
        JsonNode sr = stored.get(doc.uids().srInstanceUid());
        JsonNode pdf = stored.get(doc.uids().pdfInstanceUid());
        assertTrue(sr != null && pdf != null, stored.keySet().toString());
        assertEquals("1.2.840.10008.5.1.4.1.1.88.33", sr.path("SOPClassUID").asText());
        assertEquals("VERIFIED", sr.path("VerificationFlag").asText());
        assertEquals("1.2.840.10008.5.1.4.1.1.104.1", pdf.path("SOPClassUID").asText());
        assertEquals("DXA0000042", pdf.path("AccessionNumber").asText());
        assertEquals("H123456", pdf.path("PatientID").asText());

        sender(orthanc.aeTitle()).send(objects);
        assertEquals(2, instancesOfStudy(ReportExamples.STUDY).size(), "a resend must not duplicate");
        assertEquals(2, orthanc.get("/instances").size(), "instances in Orthanc after the resend");
    }

    @Test
    void aWrongCalledAeTitleIsADeliveryFailureNamingTheRejection() {
        DeliveryFailure f = assertThrows(DeliveryFailure.class,
                () -> sender("NOTTHEPACS").send(objects(ReportExamples.underFifty())));
        assertTrue(f.getMessage().contains("ASSOCIATION_REJECTED"), f.getMessage());
        assertFalse(f.permanent());
        assertFalse(f.getMessage().contains("SMITH"), "no patient data in the message");
    }

    @Test
    void noPacsListeningIsADeliveryFailure() throws Exception {
        int closed = Dcmtk.freePort();
        DeliveryFailure f = assertThrows(DeliveryFailure.class, () -> new PacsSender("127.0.0.1", closed, "PACS",
                "DXAFLOW", Duration.ofSeconds(2)).send(objects(ReportExamples.underFifty())));
        assertTrue(f.getMessage().contains("CONNECTION_REFUSED"), f.getMessage());
        assertFalse(f.permanent());
    }

    @Test
    void onlyDataSetAndUnderstandingRefusalsArePermanent() {
        assertTrue(PacsSender.isPermanent(0xA900));
        assertTrue(PacsSender.isPermanent(0xA950));
        assertTrue(PacsSender.isPermanent(0xC000));
        assertTrue(PacsSender.isPermanent(0xC0FF));
        assertFalse(PacsSender.isPermanent(0xA700)); // out of resources: may pass later
        assertFalse(PacsSender.isPermanent(0x0110));
        assertFalse(PacsSender.isPermanent(0xC100));
    }
}
