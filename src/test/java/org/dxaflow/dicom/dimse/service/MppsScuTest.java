package org.dxaflow.dicom.dimse.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DataSetReader;
import org.dxaflow.dicom.data.SopClass;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.TransferSyntax;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.modality.MppsAttributes;
import org.dxaflow.dicom.net.DicomServer;
import org.dxaflow.dicom.net.RequestorConfig;
import org.dxaflow.dicom.testing.Dcmtk;
import org.dxaflow.dicom.testing.TestServers;
import org.dxaflow.dicom.testing.WorklistItems;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MppsScu against our NormalizedScp with a recording handler: the N-CREATE and N-SET attribute
 * lists arrive as PS3.4 Table F.7.2-1 requires. Worklist items come from DCMTK dump2dcm.
 */
class MppsScuTest {
    /** What the SCP received: operation, instance UID and the attribute list decoded. */
    record Call(String operation, String sopClassUid, String sopInstanceUid, Attributes attributes, byte[] bytes,
                String transferSyntax) {
    }

    static final String SCP_ASSIGNED = "2.25.4242";

    @TempDir
    Path tmp;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private DicomServer server;
    private RemoteAe remote;
    private final MppsScu scu = new MppsScu(RequestorConfig.defaults("SCANNER")
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)));
    private final MppsAttributes mpps = new MppsAttributes();
    private final LocalDateTime start = LocalDateTime.of(2024, 1, 15, 10, 20, 30);

    @BeforeEach
    void start() throws Exception {
        NormalizedHandler recorder = new NormalizedHandler() {
            @Override
            public NResult create(NRequest r) throws Exception {
                calls.add(record("create", r));
                String uid = r.sopInstanceUid() == null ? SCP_ASSIGNED : r.sopInstanceUid();
                created.add(uid);
                return NResult.of(Status.SUCCESS, r.sopInstanceUid() == null ? SCP_ASSIGNED : null);
            }

            @Override
            public NResult set(NRequest r) throws Exception {
                calls.add(record("set", r));
                return NResult.of(created.contains(r.sopInstanceUid()) ? Status.SUCCESS : Status.NO_SUCH_SOP_INSTANCE,
                        null);
            }
        };
        server = TestServers.start(TestServers.config("MPPSSCP"), ServiceRegistry.builder()
                .register(SopClass.MODALITY_PERFORMED_PROCEDURE_STEP, new NormalizedScp(recorder)).build());
        remote = new RemoteAe("127.0.0.1", server.port(), "MPPSSCP");
    }

    private static Call record(String op, NormalizedHandler.NRequest r) throws Exception {
        TransferSyntax ts = TransferSyntax.forUid(r.attributes().transferSyntaxUid());
        return new Call(op, r.sopClassUid(), r.sopInstanceUid(), DataSetReader.read(r.attributes().bytes(), ts),
                r.attributes().bytes(), ts.uid());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Attributes inProgress() throws Exception {
        Attributes item = WorklistItems.attributes(tmp, "ACC1001", 1001);
        return mpps.inProgress(item, new MppsAttributes.StepStart("PPS1001", "SCANNER", "STATION1", start));
    }

    @Test
    void nCreateCarriesTheF72RequiredAttributes() throws Exception {
        MppsScu.Result r = scu.create(remote, "2.25.111", inProgress());
        assertEquals(Status.SUCCESS, r.status());
        assertEquals("2.25.111", r.sopInstanceUid());

        Call c = calls.get(0);
        assertEquals("create", c.operation());
        assertEquals("1.2.840.10008.3.1.2.3.3", c.sopClassUid());
        assertEquals("2.25.111", c.sopInstanceUid());
        Attributes a = c.attributes();
        // Performed Procedure Step Relationship: type 1/1 and 2/2 attributes from the worklist item
        Attributes ssas = a.getItem(Tag.ScheduledStepAttributesSequence, 0);
        assertNotNull(ssas, "Scheduled Step Attributes Sequence (1/1)");
        assertEquals(WorklistItems.STUDY_UID_PREFIX + "1001", ssas.getString(Tag.StudyInstanceUID));
        assertEquals("ACC1001", ssas.getString(Tag.AccessionNumber));
        assertEquals("RP1001", ssas.getString(Tag.RequestedProcedureID));
        assertEquals("SPS1001", ssas.getString(Tag.ScheduledProcedureStepID));
        assertEquals(WorklistItems.STEP_DESCRIPTION, ssas.getString(Tag.ScheduledProcedureStepDescription));
        assertEquals(WorklistItems.PROCEDURE_DESCRIPTION, ssas.getString(Tag.RequestedProcedureDescription));
        assertTrue(ssas.contains(Tag.ReferencedStudySequence), "Referenced Study Sequence (2/2)");
        assertEquals("DXA-SH", ssas.getItem(Tag.ScheduledProtocolCodeSequence, 0).getString(Tag.CodeValue));
        assertEquals(WorklistItems.PATIENT_NAME, a.getString(Tag.PatientName));
        assertEquals("PID1001", a.getString(Tag.PatientID));
        assertEquals(WorklistItems.BIRTH_DATE, a.getString(Tag.PatientBirthDate));
        assertEquals(WorklistItems.SEX, a.getString(Tag.PatientSex));
        // Performed Procedure Step Information
        assertEquals("PPS1001", a.getString(Tag.PerformedProcedureStepID));
        assertEquals("SCANNER", a.getString(Tag.PerformedStationAETitle));
        assertEquals("STATION1", a.getString(Tag.PerformedStationName));
        assertEquals("20240115", a.getString(Tag.PerformedProcedureStepStartDate));
        assertEquals("102030", a.getString(Tag.PerformedProcedureStepStartTime));
        assertEquals("IN PROGRESS", a.getString(Tag.PerformedProcedureStepStatus));
        assertEquals(WorklistItems.STEP_DESCRIPTION, a.getString(Tag.PerformedProcedureStepDescription));
        assertEquals("DXASH", a.getItem(Tag.ProcedureCodeSequence, 0).getString(Tag.CodeValue));
        // type 2 attributes known only at the end: present and empty in N-CREATE
        for (Tag t : List.of(Tag.PerformedProcedureStepEndDate, Tag.PerformedProcedureStepEndTime,
                Tag.PerformedLocation)) {
            assertTrue(a.contains(t), t.keyword() + " present");
            assertNull(a.getString(t), t.keyword() + " empty");
        }
        assertTrue(a.getSequence(Tag.PerformedSeriesSequence).isEmpty(), "Performed Series Sequence empty (2/2)");
        // Image Acquisition Results
        assertEquals("BMD", a.getString(Tag.Modality));
        assertEquals("RP1001", a.getString(Tag.StudyID));
        assertEquals("Spine and hip protocol",
                a.getItem(Tag.PerformedProtocolCodeSequence, 0).getString(Tag.CodeMeaning));

        // DCMTK reads the bytes and names the tags we wrote by number as PS3.6 does
        Path raw = Files.write(tmp.resolve("ncreate.bin"), c.bytes());
        Dcmtk.Result dump = Dcmtk.run("dcmdump", "-f", c.transferSyntax().equals("1.2.840.10008.1.2") ? "-ti" : "-te",
                raw.toString());
        assertEquals(0, dump.exitCode(), dump.output());
        assertTrue(dump.output().contains("ReferencedPatientSequence"), dump.output());
        assertTrue(dump.output().matches("(?s).*\\(0040,0252\\) CS \\[IN PROGRESS\\].*PerformedProcedureStepStatus.*"),
                dump.output());
        assertFalse(dump.output().contains("Unknown Tag"), dump.output());
    }

    @Test
    void nSetCompletedCarriesTheFinalStateAndNothingNotAllowed() throws Exception {
        scu.create(remote, "2.25.111", inProgress());
        LocalDateTime end = start.plusMinutes(12);
        MppsScu.Result r = scu.set(remote, "2.25.111", mpps.completed(end, List.of(new MppsAttributes.PerformedSeries(
                "2.25.222", "DXA results", "Spine and hip protocol", "DXAFLOW",
                List.of(new MppsAttributes.InstanceRef(SopClass.COMPREHENSIVE_SR_STORAGE, "2.25.333"))))));
        assertEquals(Status.SUCCESS, r.status());

        Call s = calls.get(1);
        assertEquals("set", s.operation());
        assertEquals("2.25.111", s.sopInstanceUid());
        Attributes n = s.attributes();
        assertEquals("COMPLETED", n.getString(Tag.PerformedProcedureStepStatus));
        assertEquals("20240115", n.getString(Tag.PerformedProcedureStepEndDate));
        assertEquals("103230", n.getString(Tag.PerformedProcedureStepEndTime));
        assertEquals(1, n.getSequence(Tag.PerformedSeriesSequence).size());
        Attributes series = n.getItem(Tag.PerformedSeriesSequence, 0);
        assertEquals("2.25.222", series.getString(Tag.SeriesInstanceUID));
        assertEquals("Spine and hip protocol", series.getString(Tag.ProtocolName));
        assertEquals("DXAFLOW", series.getString(Tag.RetrieveAETitle));
        for (Tag t : List.of(Tag.PerformingPhysicianName, Tag.OperatorsName, Tag.SeriesDescription,
                Tag.ReferencedImageSequence)) {
            assertTrue(series.contains(t), t.keyword() + " (2/2) present in the series item");
        }
        Attributes ref = series.getItem(Tag.ReferencedNonImageCompositeSOPInstanceSequence, 0);
        assertEquals(SopClass.COMPREHENSIVE_SR_STORAGE, ref.getString(Tag.ReferencedSOPClassUID));
        assertEquals("2.25.333", ref.getString(Tag.ReferencedSOPInstanceUID));
        // "Not allowed" in N-SET by Table F.7.2-1
        for (Tag t : List.of(Tag.ScheduledStepAttributesSequence, Tag.PatientName, Tag.PatientID,
                Tag.PatientBirthDate, Tag.PatientSex, Tag.PerformedProcedureStepID, Tag.PerformedStationAETitle,
                Tag.PerformedStationName, Tag.PerformedProcedureStepStartDate, Tag.PerformedProcedureStepStartTime,
                Tag.Modality, Tag.StudyID)) {
            assertFalse(n.contains(t), t.keyword() + " must not be sent in N-SET");
        }
    }

    @Test
    void discontinuedCarriesACid9300Reason() throws Exception {
        scu.create(remote, "2.25.111", inProgress());
        scu.set(remote, "2.25.111", mpps.discontinued(start.plusMinutes(1), List.of(new MppsAttributes.PerformedSeries(
                "2.25.222", null, "DXA", null, List.of())), MppsAttributes.UNSPECIFIED_REASON));
        Attributes n = calls.get(1).attributes();
        assertEquals("DISCONTINUED", n.getString(Tag.PerformedProcedureStepStatus));
        Attributes reason = n.getItem(Tag.PerformedProcedureStepDiscontinuationReasonCodeSequence, 0);
        assertEquals("110513", reason.getString(Tag.CodeValue));
        assertEquals("DCM", reason.getString(Tag.CodingSchemeDesignator));
        assertTrue(n.getItem(Tag.PerformedSeriesSequence, 0)
                .getSequence(Tag.ReferencedNonImageCompositeSOPInstanceSequence).isEmpty());
    }

    @Test
    void theScpMayAssignTheInstanceUid() throws Exception {
        MppsScu.Result r = scu.create(remote, null, inProgress());
        assertEquals(SCP_ASSIGNED, r.sopInstanceUid());
        assertNull(calls.get(0).sopInstanceUid(), "no Affected SOP Instance UID in the N-CREATE-RQ");
    }

    @Test
    void failureStatusIsThrownWithTheStatus() throws Exception {
        DimseStatusException e = assertThrows(DimseStatusException.class, () -> scu.set(remote, "2.25.999",
                mpps.completed(start, List.of(new MppsAttributes.PerformedSeries("2.25.2", "", "DXA", "", List.of())))));
        assertEquals(Status.NO_SUCH_SOP_INSTANCE, e.status());
        assertEquals("N-SET", e.operation());
    }

    @Test
    void completedWithoutASeriesIsRefusedBeforeSending() {
        assertThrows(IllegalArgumentException.class, () -> mpps.completed(start, List.of()));
    }
}
