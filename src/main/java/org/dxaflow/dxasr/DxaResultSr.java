package org.dxaflow.dxasr;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DateTimes;
import org.dxaflow.dicom.data.Sequence;
import org.dxaflow.dicom.data.SopClass;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.VR;
import org.dxaflow.dicom.sr.Code;

/**
 * Builds dxaflow's example DXA result: a Comprehensive SR (PS3.3 A.35.3) for one worklist item,
 * as a scanner would send it after the scan. Patient, study and request attributes come from the
 * worklist item so that the report files under the ordered study; series and instance are new.
 * The content tree is {@link DxaSrContent}'s; the whole layout is in samples/dicom/README.md.
 */
public final class DxaResultSr {

    /** General Equipment Module (PS3.3 C.7.5.1) of the sending scanner. */
    public record Equipment(String manufacturer, String modelName, String softwareVersion,
                            String deviceSerialNumber, String stationName) {
        public Equipment {
            Objects.requireNonNull(manufacturer, "manufacturer");
            Objects.requireNonNull(modelName, "modelName");
            Objects.requireNonNull(softwareVersion, "softwareVersion");
        }
    }

    /**
     * What makes this document this document: injected, so that tests and the shipped sample are
     * reproducible byte for byte.
     *
     * @param mppsSopInstanceUid the MPPS that performed the scan, null when none was created
     */
    public record Identity(String seriesInstanceUid, String sopInstanceUid, String mppsSopInstanceUid,
                           LocalDateTime contentDateTime, int seriesNumber, int instanceNumber) {
        public Identity {
            Objects.requireNonNull(seriesInstanceUid, "seriesInstanceUid");
            Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
            Objects.requireNonNull(contentDateTime, "contentDateTime");
        }
    }

    // Not in the shared Tag dictionary; tag numbers and VRs as in PS3.6 (and DCMTK's dicom.dic).
    static final int CODING_SCHEME_IDENTIFICATION_SEQUENCE = 0x00080110;
    static final int CODING_SCHEME_NAME = 0x00080115;
    static final int CODING_SCHEME_RESPONSIBLE_ORGANIZATION = 0x00080116;

    private final Equipment equipment;

    public DxaResultSr(Equipment equipment) {
        this.equipment = Objects.requireNonNull(equipment, "equipment");
    }

    /**
     * @param worklistItem a Modality Worklist match (patient, study, requested procedure, one SPS)
     * @throws IllegalArgumentException no StudyInstanceUID in the item, no measurement, a site
     *     measured twice, or a value that does not fit a DS
     */
    public Attributes build(Attributes worklistItem, Identity id, List<SiteMeasurement> measurements) {
        return build(worklistItem, id, measurements, List.of());
    }

    /** Same, with the vertebral fracture assessment read on the scanner (empty when VFA was not done). */
    public Attributes build(Attributes worklistItem, Identity id, List<SiteMeasurement> measurements,
                            List<VertebraGrade> vfa) {
        String studyUid = worklistItem.getString(Tag.StudyInstanceUID);
        if (studyUid == null) {
            throw new IllegalArgumentException("worklist item has no StudyInstanceUID");
        }
        if (measurements.isEmpty()) {
            throw new IllegalArgumentException("a result SR needs at least one measurement");
        }
        Attributes sr = new Attributes();
        copy(worklistItem, sr, Tag.SpecificCharacterSet, false);
        String date = DateTimes.formatDA(id.contentDateTime().toLocalDate());
        String time = DateTimes.formatTM(id.contentDateTime().toLocalTime().withNano(0));

        // SOP Common (C.12.1)
        sr.setString(Tag.SOPClassUID, SopClass.COMPREHENSIVE_SR_STORAGE);
        sr.setString(Tag.SOPInstanceUID, id.sopInstanceUid());
        sr.setString(Tag.InstanceCreationDate, date);
        sr.setString(Tag.InstanceCreationTime, time);
        codingSchemes(sr);

        // Patient (C.7.1.1): type 2, so present even when the worklist left them empty
        for (Tag t : List.of(Tag.PatientName, Tag.PatientID, Tag.PatientBirthDate, Tag.PatientSex)) {
            copy(worklistItem, sr, t, true);
        }
        copy(worklistItem, sr, Tag.IssuerOfPatientID, false);

        // General Study (C.7.2.1): the ordered study; StudyID from the Requested Procedure ID as
        // IHE Scheduled Workflow suggests
        sr.setString(Tag.StudyInstanceUID, studyUid);
        sr.setString(Tag.StudyDate, date);
        sr.setString(Tag.StudyTime, time);
        copy(worklistItem, sr, Tag.AccessionNumber, true);
        copy(worklistItem, sr, Tag.ReferringPhysicianName, true);
        sr.setString(Tag.StudyID, worklistItem.getString(Tag.RequestedProcedureID, ""));

        // SR Document Series (C.17.1)
        sr.setString(Tag.Modality, "SR");
        sr.setString(Tag.SeriesInstanceUID, id.seriesInstanceUid());
        sr.setInt(Tag.SeriesNumber, id.seriesNumber());
        sr.setString(Tag.SeriesDescription, "DXA results");
        Sequence pps = sr.newSequence(Tag.ReferencedPerformedProcedureStepSequence);
        if (id.mppsSopInstanceUid() != null) {
            pps.addItem().setString(Tag.ReferencedSOPClassUID, SopClass.MODALITY_PERFORMED_PROCEDURE_STEP)
                    .setString(Tag.ReferencedSOPInstanceUID, id.mppsSopInstanceUid());
        }

        // General Equipment (C.7.5.1)
        sr.setString(Tag.Manufacturer, equipment.manufacturer());
        sr.setString(Tag.ManufacturerModelName, equipment.modelName());
        sr.setString(Tag.SoftwareVersions, equipment.softwareVersion());
        if (equipment.deviceSerialNumber() != null) {
            sr.setString(Tag.DeviceSerialNumber, equipment.deviceSerialNumber());
        }
        if (equipment.stationName() != null) {
            sr.setString(Tag.StationName, equipment.stationName());
        }

        // SR Document General (C.17.2)
        sr.setInt(Tag.InstanceNumber, id.instanceNumber());
        sr.setString(Tag.CompletionFlag, "COMPLETE");
        sr.setString(Tag.VerificationFlag, "UNVERIFIED");
        sr.setString(Tag.ContentDate, date);
        sr.setString(Tag.ContentTime, time);
        referencedRequest(worklistItem, sr.newSequence(Tag.ReferencedRequestSequence).addItem(), studyUid);
        copyCodes(worklistItem.getSequence(Tag.RequestedProcedureCodeSequence),
                sr.newSequence(Tag.PerformedProcedureCodeSequence));

        DxaSrContent.writeRoot(sr, measurements, vfa);
        return sr;
    }

    /** Referenced Request Sequence (C.17.2): which order this report answers. Type 1C/2 keys. */
    private static void referencedRequest(Attributes item, Attributes request, String studyUid) {
        request.setString(Tag.StudyInstanceUID, studyUid);
        request.newSequence(Tag.ReferencedStudySequence);
        copy(item, request, Tag.AccessionNumber, true);
        copy(item, request, Tag.RequestedProcedureID, true);
        copy(item, request, Tag.RequestedProcedureDescription, true);
        copyCodes(item.getSequence(Tag.RequestedProcedureCodeSequence),
                request.newSequence(Tag.RequestedProcedureCodeSequence));
        copy(item, request, Tag.PlacerOrderNumberImagingServiceRequest, true);
        copy(item, request, Tag.FillerOrderNumberImagingServiceRequest, true);
    }

    /** Declares the private scheme (C.12.1.1.2 Coding Scheme Identification). */
    private static void codingSchemes(Attributes sr) {
        Attributes scheme = sr.newSequence(CODING_SCHEME_IDENTIFICATION_SEQUENCE).addItem();
        scheme.setString(Tag.CodingSchemeDesignator, DxaSrCodes.SCHEME);
        scheme.setString(CODING_SCHEME_NAME, VR.ST, DxaSrCodes.SCHEME_NAME);
        scheme.setString(CODING_SCHEME_RESPONSIBLE_ORGANIZATION, VR.ST, "dxaflow");
    }

    private static void copyCodes(Sequence from, Sequence to) {
        if (from == null) {
            return;
        }
        for (Attributes item : from) {
            Code code = Code.readFrom(item);
            if (code != null) {
                code.writeTo(to.addItem());
            }
        }
    }

    /** Copies an element byte for byte (with its character set); empty when absent and required. */
    private static void copy(Attributes from, Attributes to, Tag tag, boolean typeTwo) {
        if (!to.copyFrom(from, tag.value()) && typeTwo) {
            to.setNull(tag);
        }
    }
}
