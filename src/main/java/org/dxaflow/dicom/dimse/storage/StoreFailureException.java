package org.dxaflow.dicom.dimse.storage;

import java.io.IOException;

/** Thrown by single-object sends; carries the typed {@link StoreFailure}. */
public final class StoreFailureException extends IOException {
    private final StoreFailure failure;

    public StoreFailureException(StoreFailure failure, Throwable cause) {
        super(failure.toString(), cause);
        this.failure = failure;
    }

    public StoreFailure failure() {
        return failure;
    }
}
