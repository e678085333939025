package org.dxaflow.dicom.modality;

import java.util.List;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.Tag;

/**
 * Modality Worklist query keys (PS3.4 K.6.1.2) as a DXA scanner sends them: the matching key plus
 * empty return keys for everything the scanner needs to perform the step, create its MPPS and
 * label its results.
 */
public final class WorklistQuery {

    private static final List<Tag> RETURN_KEYS = List.of(
            Tag.PatientName, Tag.PatientID, Tag.IssuerOfPatientID, Tag.PatientBirthDate, Tag.PatientSex,
            Tag.PatientWeight, Tag.PatientSize, Tag.ReferringPhysicianName, Tag.StudyInstanceUID,
            Tag.RequestedProcedureID, Tag.RequestedProcedureDescription, Tag.RequestedProcedureCodeSequence);
    private static final List<Tag> STEP_RETURN_KEYS = List.of(
            Tag.Modality, Tag.ScheduledStationAETitle, Tag.ScheduledProcedureStepStartDate,
            Tag.ScheduledProcedureStepStartTime, Tag.ScheduledPerformingPhysicianName,
            Tag.ScheduledProcedureStepDescription, Tag.ScheduledProtocolCodeSequence, Tag.ScheduledProcedureStepID);

    private WorklistQuery() {
    }

    /** The item for one accession number (exact match: no wildcards are added). */
    public static Attributes byAccession(String accessionNumber) {
        if (accessionNumber == null || accessionNumber.isBlank()) {
            throw new IllegalArgumentException("accession number required");
        }
        if (accessionNumber.indexOf('*') >= 0 || accessionNumber.indexOf('?') >= 0 || accessionNumber.length() > 16) {
            throw new IllegalArgumentException("accession number must be 1..16 characters without wildcards");
        }
        Attributes keys = new Attributes();
        keys.setString(Tag.AccessionNumber, accessionNumber);
        RETURN_KEYS.forEach(keys::setNull);
        Attributes step = keys.newSequence(Tag.ScheduledProcedureStepSequence).addItem();
        STEP_RETURN_KEYS.forEach(step::setNull);
        return keys;
    }
}
