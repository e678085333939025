package org.dxaflow.results;

import java.time.Instant;

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
}
