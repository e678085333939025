package org.dxaflow.dicom.modality;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DateTimes;
import org.dxaflow.dicom.data.Sequence;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.VR;
import org.dxaflow.dicom.sr.Code;

/**
 * Attribute lists of the Modality Performed Procedure Step SOP class (PS3.4 Table F.7.2-1) for a
 * step performed from a worklist item: the N-CREATE that says the scan started, and the N-SET
 * that completes or discontinues it.
 *
 * <p>Rules of F.7.2 followed here: every N-CREATE attribute of type 1 has a value and every type 2
 * is present (empty if unknown); the end date/time and the Performed Series Sequence are created
 * empty and given values by the final N-SET (type "3/1", required in the final state); attributes
 * marked "Not allowed" for N-SET (patient, scheduling, start, station) are never sent again.
 */
public final class MppsAttributes {

    /** Modality of the step: bone densitometry (PS3.3 C.7.3.1.1.1). */
    public static final String MODALITY = "BMD";
    public static final String IN_PROGRESS = "IN PROGRESS";
    public static final String COMPLETED = "COMPLETED";
    public static final String DISCONTINUED = "DISCONTINUED";
    /** PS3.16 CID 9300: (110513, DCM, "Discontinued for unspecified reason"). */
    public static final Code UNSPECIFIED_REASON = new Code("110513", "DCM", "Discontinued for unspecified reason");

    /** Not in the shared Tag dictionary: Referenced Patient Sequence (0008,1120) SQ, type 2/2 in N-CREATE. */
    static final int REFERENCED_PATIENT_SEQUENCE = 0x00081120;

    /**
     * @param performedProcedureStepId our ID of the step (SH, at most 16 characters)
     * @param stationAeTitle the scanner's AE title (PerformedStationAETitle, type 1)
     * @param stationName PerformedStationName (type 2), null for empty
     */
    public record StepStart(String performedProcedureStepId, String stationAeTitle, String stationName,
                            LocalDateTime start) {
        public StepStart {
            requireText(performedProcedureStepId, 16, "PerformedProcedureStepID");
            requireText(stationAeTitle, 16, "PerformedStationAETitle");
            Objects.requireNonNull(start, "start");
        }
    }

    /** One composite instance the step created. */
    public record InstanceRef(String sopClassUid, String sopInstanceUid) {
    }

    /**
     * An item of the Performed Series Sequence.
     *
     * @param protocolName type 1 in the item, so never empty
     * @param nonImageInstances SR, PDF and other non-image objects of the series
     */
    public record PerformedSeries(String seriesInstanceUid, String seriesDescription, String protocolName,
                                  String retrieveAeTitle, List<InstanceRef> nonImageInstances) {
        public PerformedSeries {
            Objects.requireNonNull(seriesInstanceUid, "seriesInstanceUid");
            requireText(protocolName, 64, "ProtocolName");
            nonImageInstances = List.copyOf(nonImageInstances);
        }
    }

    /**
     * N-CREATE attribute list with status IN PROGRESS.
     *
     * @throws IllegalArgumentException the worklist item has no StudyInstanceUID (type 1 in the
     *     Scheduled Step Attributes Sequence)
     */
    public Attributes inProgress(Attributes worklistItem, StepStart start) {
        String studyUid = worklistItem.getString(Tag.StudyInstanceUID);
        if (studyUid == null) {
            throw new IllegalArgumentException("worklist item has no StudyInstanceUID");
        }
        Attributes sps = worklistItem.getItem(Tag.ScheduledProcedureStepSequence, 0);
        Attributes a = new Attributes();
        copy(worklistItem, a, Tag.SpecificCharacterSet, false);

        // Performed Procedure Step Relationship
        Attributes scheduled = a.newSequence(Tag.ScheduledStepAttributesSequence).addItem();
        scheduled.setString(Tag.StudyInstanceUID, studyUid);
        scheduled.newSequence(Tag.ReferencedStudySequence);
        copy(worklistItem, scheduled, Tag.AccessionNumber, true);
        copy(worklistItem, scheduled, Tag.RequestedProcedureID, true);
        copy(worklistItem, scheduled, Tag.RequestedProcedureDescription, true);
        copy(sps, scheduled, Tag.ScheduledProcedureStepID, true);
        copy(sps, scheduled, Tag.ScheduledProcedureStepDescription, true);
        copy(sps, scheduled, Tag.ScheduledProtocolCodeSequence, true);
        for (Tag t : List.of(Tag.PatientName, Tag.PatientID, Tag.PatientBirthDate, Tag.PatientSex)) {
            copy(worklistItem, a, t, true);
        }
        copy(worklistItem, a, Tag.IssuerOfPatientID, false);
        a.setNull(REFERENCED_PATIENT_SEQUENCE, VR.SQ);

        // Performed Procedure Step Information
        a.setString(Tag.PerformedProcedureStepID, start.performedProcedureStepId());
        a.setString(Tag.PerformedStationAETitle, start.stationAeTitle());
        a.setString(Tag.PerformedStationName, start.stationName() == null ? "" : start.stationName());
        a.setNull(Tag.PerformedLocation);
        a.setString(Tag.PerformedProcedureStepStartDate, DateTimes.formatDA(start.start().toLocalDate()));
        a.setString(Tag.PerformedProcedureStepStartTime, DateTimes.formatTM(start.start().toLocalTime().withNano(0)));
        a.setString(Tag.PerformedProcedureStepStatus, IN_PROGRESS);
        String description = firstNonEmpty(sps == null ? null : sps.getString(Tag.ScheduledProcedureStepDescription),
                worklistItem.getString(Tag.RequestedProcedureDescription));
        a.setString(Tag.PerformedProcedureStepDescription, description);
        copyAs(worklistItem, Tag.RequestedProcedureDescription, a, Tag.PerformedProcedureTypeDescription);
        copyCodes(worklistItem.getSequence(Tag.RequestedProcedureCodeSequence), a.newSequence(Tag.ProcedureCodeSequence));
        a.setNull(Tag.PerformedProcedureStepEndDate);
        a.setNull(Tag.PerformedProcedureStepEndTime);

        // Image Acquisition Results
        a.setString(Tag.Modality, MODALITY);
        a.setString(Tag.StudyID, worklistItem.getString(Tag.RequestedProcedureID, ""));
        copyCodes(sps == null ? null : sps.getSequence(Tag.ScheduledProtocolCodeSequence),
                a.newSequence(Tag.PerformedProtocolCodeSequence));
        a.newSequence(Tag.PerformedSeriesSequence);
        return a;
    }

    /** N-SET modification list that completes the step (F.7.2.2: final state attributes all set). */
    public Attributes completed(LocalDateTime end, List<PerformedSeries> series) {
        if (series.isEmpty()) {
            // PS3.4 F.7.2-1 note: a completed step has at least one series, even one without instances
            throw new IllegalArgumentException("a COMPLETED step needs at least one performed series");
        }
        return finalState(COMPLETED, end, series);
    }

    /** N-SET modification list that discontinues the step, with a CID 9300 reason if known. */
    public Attributes discontinued(LocalDateTime end, List<PerformedSeries> series, Code reason) {
        Attributes a = finalState(DISCONTINUED, end, series);
        if (reason != null) {
            reason.writeTo(a.newSequence(Tag.PerformedProcedureStepDiscontinuationReasonCodeSequence).addItem());
        }
        return a;
    }

    private static Attributes finalState(String status, LocalDateTime end, List<PerformedSeries> series) {
        Attributes a = new Attributes();
        a.setString(Tag.PerformedProcedureStepStatus, status);
        a.setString(Tag.PerformedProcedureStepEndDate, DateTimes.formatDA(end.toLocalDate()));
        a.setString(Tag.PerformedProcedureStepEndTime, DateTimes.formatTM(end.toLocalTime().withNano(0)));
        Sequence seq = a.newSequence(Tag.PerformedSeriesSequence);
        for (PerformedSeries s : series) {
            Attributes item = seq.addItem();
            item.setNull(Tag.PerformingPhysicianName);
            item.setString(Tag.ProtocolName, s.protocolName());
            item.setNull(Tag.OperatorsName);
            item.setString(Tag.SeriesInstanceUID, s.seriesInstanceUid());
            item.setString(Tag.SeriesDescription, s.seriesDescription() == null ? "" : s.seriesDescription());
            item.setString(Tag.RetrieveAETitle, s.retrieveAeTitle() == null ? "" : s.retrieveAeTitle());
            item.newSequence(Tag.ReferencedImageSequence);
            Sequence refs = item.newSequence(Tag.ReferencedNonImageCompositeSOPInstanceSequence);
            for (InstanceRef r : s.nonImageInstances()) {
                refs.addItem().setString(Tag.ReferencedSOPClassUID, r.sopClassUid())
                        .setString(Tag.ReferencedSOPInstanceUID, r.sopInstanceUid());
            }
        }
        return a;
    }

    private static void copy(Attributes from, Attributes to, Tag tag, boolean typeTwo) {
        if ((from == null || !to.copyFrom(from, tag.value())) && typeTwo) {
            to.setNull(tag);
        }
    }

    private static void copyAs(Attributes from, Tag source, Attributes to, Tag target) {
        String v = from.getString(source);
        to.setString(target, v == null ? "" : v);
    }

    private static void copyCodes(Sequence from, Sequence to) {
        if (from == null) {
            return;
        }
        for (Attributes item : from) {
            Code c = Code.readFrom(item);
            if (c != null) {
                c.writeTo(to.addItem());
            }
        }
    }

    private static String firstNonEmpty(String a, String b) {
        return a != null ? a : b == null ? "" : b;
    }

    private static void requireText(String value, int max, String name) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must be 1.." + max + " characters: '" + value + "'");
        }
    }
}
