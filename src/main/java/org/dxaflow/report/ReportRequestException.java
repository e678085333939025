package org.dxaflow.report;

/** A reporter's request the workflow cannot take as given (a field missing or empty): HTTP 400 naming it. */
public final class ReportRequestException extends RuntimeException {
    public ReportRequestException(String message) {
        super(message);
    }
}
