package org.dxaflow.dicom.dimse.service;

import java.io.IOException;
import org.dxaflow.dicom.dimse.Status;

/**
 * The peer answered a request with a failure status (or Cancel). A separate type from transport
 * failures so callers can tell "the peer said no" from "we could not reach the peer".
 */
public final class DimseStatusException extends IOException {
    private final String operation;
    private final int status;
    private final String errorComment;

    public DimseStatusException(String operation, int status, String errorComment) {
        super(operation + " failed with status " + Status.hex(status)
                + (errorComment == null || errorComment.isBlank() ? "" : " (" + errorComment.strip() + ")"));
        this.operation = operation;
        this.status = status;
        this.errorComment = errorComment;
    }

    public String operation() {
        return operation;
    }

    public int status() {
        return status;
    }

    /** ErrorComment (0000,0902) of the response, null when the peer sent none. */
    public String errorComment() {
        return errorComment;
    }
}
