package org.dxaflow.report;

/** The report is not in a state the request applies to (verify a final, amend a preliminary): HTTP 409. */
public final class ReportConflictException extends RuntimeException {
    public ReportConflictException(String message) {
        super(message);
    }
}
