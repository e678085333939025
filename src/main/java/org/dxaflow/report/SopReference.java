package org.dxaflow.report;

/** One DICOM instance in a study: what an SR's evidence and predecessor sequences reference. */
public record SopReference(String studyInstanceUid, String seriesInstanceUid, String sopClassUid,
                           String sopInstanceUid) {
}
