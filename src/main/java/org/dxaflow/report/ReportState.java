package org.dxaflow.report;

/**
 * Where a report stands as a whole ({@code report.status}): the status of its latest version, or,
 * before it has one, whether the engine composes the preliminary (NEW) or a reporter must write it
 * (AWAITING_REPORT: the result was not computed, is held for the reporter, or automatic
 * preliminaries are off).
 */
public enum ReportState {
    NEW, AWAITING_REPORT, PRELIMINARY, FINAL, AMENDED;

    public static ReportState of(ReportStatus status) {
        return valueOf(status.name());
    }

    /** Verified: a verification is refused (409), an amendment taken. */
    public boolean isVerified() {
        return this == FINAL || this == AMENDED;
    }
}
