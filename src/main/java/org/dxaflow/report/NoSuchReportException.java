package org.dxaflow.report;

/** No report with that id: HTTP 404. */
public final class NoSuchReportException extends RuntimeException {
    public NoSuchReportException(long id) {
        super("no report with id " + id);
    }
}
