package org.dxaflow.dicom.net;

import java.io.IOException;

/** The association ended abnormally: A-ABORT (either side), protocol error or transport loss. */
public final class AssociationAbortedException extends IOException {
    public AssociationAbortedException(String message) {
        super(message);
    }

    public AssociationAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}
