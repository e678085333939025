package org.dxaflow.dicom.dimse.storage;

import java.io.IOException;

/** The file is not a usable PS3.10 file (no preamble/DICM, broken or incomplete meta group). */
public final class InvalidPart10Exception extends IOException {
    public InvalidPart10Exception(String message) {
        super(message);
    }
}
