package org.dxaflow.report;

import org.dxaflow.results.ScanDetails;

import java.time.LocalDate;

/**
 * The scan a report is about.
 *
 * @param studyInstanceUid  the study the report is filed in: the worklist's Study Instance UID
 * @param scannerStudyUid   the study the scanner's own objects named; when it differs from
 *                          {@code studyInstanceUid} the report says so (an error a person resolves)
 * @param scannerResult     the scanner's result SR, referenced by the report's evidence sequence;
 *                          null when the result came by HL7
 * @param resultId          the stored result ({@code dxa_result.id})
 */
public record ReportScan(String studyInstanceUid, String scannerStudyUid, SopReference scannerResult,
                         LocalDate scanDate, ScanDetails details, long resultId) {

    public boolean studyMismatch() {
        return scannerStudyUid != null && studyInstanceUid != null && !scannerStudyUid.equals(studyInstanceUid);
    }
}
