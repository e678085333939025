package org.dxaflow.report;

/**
 * Where a report version stands in the verification workflow, and how each channel says it:
 * HL7 OBR-25 / OBX-11, the DICOM SR Verification Flag (0040,A493) and FHIR DiagnosticReport.status.
 */
public enum ReportStatus {
    /** Sent automatically from a computed result, before a reporter has verified it. */
    PRELIMINARY("P", "UNVERIFIED", "preliminary"),
    /** Verified by a reporter. */
    FINAL("F", "VERIFIED", "final"),
    /** A correction of a final report, itself verified by the reporter who made it. */
    AMENDED("C", "VERIFIED", "amended");

    private final String hl7ResultStatus;
    private final String srVerificationFlag;
    private final String fhirStatus;

    ReportStatus(String hl7ResultStatus, String srVerificationFlag, String fhirStatus) {
        this.hl7ResultStatus = hl7ResultStatus;
        this.srVerificationFlag = srVerificationFlag;
        this.fhirStatus = fhirStatus;
    }

    /** OBR-25 Result Status and OBX-11 Observation Result Status (HL7 table 0123 / 0085). */
    public String hl7ResultStatus() {
        return hl7ResultStatus;
    }

    /** Verification Flag (0040,A493): UNVERIFIED or VERIFIED. */
    public String srVerificationFlag() {
        return srVerificationFlag;
    }

    /** DiagnosticReport.status code (http://hl7.org/fhir/diagnostic-report-status). */
    public String fhirStatus() {
        return fhirStatus;
    }

    public boolean isVerified() {
        return this != PRELIMINARY;
    }
}
