package org.dxaflow.worklist;

import org.dxaflow.clinical.Sex;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DateTimes;
import org.dxaflow.dicom.data.PersonName;
import org.dxaflow.dicom.data.Sequence;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.order.CodedValue;

/**
 * A worklist entry as a Modality Worklist data set (PS3.4 K.6.1.2, the attributes a DXA scanner
 * asks for). Text is kept as strings; the response's Specific Character Set decides the bytes.
 */
public final class WorklistDataSet {

    /** DICOM modality for bone densitometry (PS3.3 C.7.3.1.1.1). */
    public static final String MODALITY = "BMD";

    private final String localCodingScheme;

    /**
     * @param localCodingScheme the DICOM coding scheme designator for the RIS's local codes
     *     (PS3.16 8.2: private schemes start with "99")
     */
    public WorklistDataSet(String localCodingScheme) {
        this.localCodingScheme = localCodingScheme;
    }

    public Attributes toAttributes(WorklistEntry e) {
        Attributes ds = new Attributes();
        ds.setPersonName(Tag.PatientName, pn(e.patientName()));
        ds.setString(Tag.PatientID, nz(e.patientId()));
        ds.setString(Tag.IssuerOfPatientID, nz(e.issuerOfPatientId()));
        Sequence others = ds.newSequence(Tag.OtherPatientIDsSequence);
        if (e.nhsNumber() != null && !e.nhsNumber().isEmpty()) {
            others.addItem()
                    .setString(Tag.PatientID, e.nhsNumber())
                    .setString(Tag.IssuerOfPatientID, "NHS")
                    .setString(Tag.TypeOfPatientID, "TEXT");
        }
        ds.setString(Tag.PatientBirthDate, e.birthDate() == null ? "" : DateTimes.formatDA(e.birthDate()));
        ds.setString(Tag.PatientSex, sex(e.sex()));
        if (e.weightKg() != null) {
            ds.setDouble(Tag.PatientWeight, e.weightKg());
        } else {
            ds.setNull(Tag.PatientWeight);
        }
        if (e.heightM() != null) {
            ds.setDouble(Tag.PatientSize, e.heightM());
        } else {
            ds.setNull(Tag.PatientSize);
        }
        ds.setString(Tag.AccessionNumber, nz(e.accessionNumber()));
        ds.setPersonName(Tag.ReferringPhysicianName, pn(e.referringPhysician()));
        ds.setString(Tag.StudyInstanceUID, e.studyInstanceUid());
        ds.setString(Tag.RequestedProcedureID, nz(e.requestedProcedureId()));
        ds.setString(Tag.RequestedProcedureDescription, nz(e.requestedProcedure().text()));
        code(ds.newSequence(Tag.RequestedProcedureCodeSequence), e.requestedProcedure());

        Attributes sps = ds.newSequence(Tag.ScheduledProcedureStepSequence).addItem();
        sps.setString(Tag.Modality, MODALITY);
        sps.setString(Tag.ScheduledStationAETitle, nz(e.stationAeTitle()));
        sps.setString(Tag.ScheduledProcedureStepStartDate,
                e.scheduledDate() == null ? "" : DateTimes.formatDA(e.scheduledDate()));
        sps.setString(Tag.ScheduledProcedureStepStartTime,
                e.scheduledTime() == null ? "" : DateTimes.formatTM(e.scheduledTime()));
        sps.setString(Tag.ScheduledProcedureStepID, nz(e.stepId()));
        sps.setString(Tag.ScheduledProcedureStepDescription, nz(e.stepDescription()));
        sps.setNull(Tag.ScheduledPerformingPhysicianName);
        Sequence protocol = sps.newSequence(Tag.ScheduledProtocolCodeSequence);
        for (CodedValue c : e.protocol()) {
            code(protocol, c);
        }
        sps.setString(Tag.ScheduledProcedureStepStatus, nz(e.stepStatus()));
        return ds;
    }

    private void code(Sequence seq, CodedValue c) {
        if (c == null || c.isEmpty()) {
            return;
        }
        seq.addItem()
                .setString(Tag.CodeValue, c.code())
                .setString(Tag.CodingSchemeDesignator, scheme(c.scheme()))
                .setString(Tag.CodeMeaning, c.text().length() > 64 ? c.text().substring(0, 64) : c.text());
    }

    /** HL7 "L" (local) and empty schemes become our private DICOM scheme; others pass through. */
    private String scheme(String hl7Scheme) {
        if (hl7Scheme == null || hl7Scheme.isBlank() || hl7Scheme.equals("L") || hl7Scheme.equals("99DXA")) {
            return localCodingScheme;
        }
        return hl7Scheme.length() > 16 ? hl7Scheme.substring(0, 16) : hl7Scheme;
    }

    private static PersonName pn(org.dxaflow.order.PersonName n) {
        if (n == null) {
            return PersonName.EMPTY;
        }
        return new PersonName(n.family(), n.given(), n.middle(), n.prefix(), "");
    }

    /** DICOM PatientSex is M, F or O (PS3.3 C.7.1.1); not known is empty (type 2). */
    private static String sex(Sex sex) {
        if (sex == null) {
            return "";
        }
        return switch (sex) {
            case F, M -> sex.code();
            case U -> "O";
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
