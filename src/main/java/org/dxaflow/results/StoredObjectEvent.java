package org.dxaflow.results;

import java.nio.file.Path;
import java.time.Instant;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.Tag;

/**
 * An object the Storage SCP has spooled durably: what it is, where it is, and the identifiers that
 * tie it to an order. No patient demographics: the patient ID only, as results matching needs it.
 */
public record StoredObjectEvent(
        String sopInstanceUid,
        String sopClassUid,
        String studyInstanceUid,
        String seriesInstanceUid,
        String accessionNumber,
        String patientId,
        String callingAeTitle,
        String filePath,
        Instant receivedAt) {

    /** The event for an object, its identifiers read from its data set. */
    static StoredObjectEvent of(String sopInstanceUid, String sopClassUid, Attributes dataSet,
            String callingAeTitle, Path file, Instant receivedAt) {
        return new StoredObjectEvent(sopInstanceUid, sopClassUid, dataSet.getString(Tag.StudyInstanceUID),
                dataSet.getString(Tag.SeriesInstanceUID), dataSet.getString(Tag.AccessionNumber),
                dataSet.getString(Tag.PatientID), callingAeTitle, file.toAbsolutePath().toString(), receivedAt);
    }
}
