package org.dxaflow.report;

/**
 * The DICOM identity of one report version: its SR and its encapsulated PDF, each in its own series
 * of the scan's study. Made once when the version is created and stored with it, so a resend carries
 * the same SOP Instance UIDs (a PACS then keeps one copy). {@code predecessorSr} is the SR of the
 * version this one replaces (the Predecessor Documents Sequence), null for the first version.
 */
public record ReportUids(String studyInstanceUid, String srSeriesUid, String srInstanceUid, String pdfSeriesUid,
                         String pdfInstanceUid, SopReference predecessorSr) {
}
