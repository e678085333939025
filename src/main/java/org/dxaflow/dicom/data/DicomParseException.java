package org.dxaflow.dicom.data;

import java.io.IOException;

/**
 * The input is not valid DICOM or exceeds the reader's limits: truncated data, a length that
 * runs past its enclosing item or the end of the input, an absurd length, too deep nesting, an
 * unknown VR. Thrown before any large allocation, so hostile input costs little.
 */
public class DicomParseException extends IOException {

    private final long offset;

    public DicomParseException(String message, long offset) {
        super(message + " (at byte offset " + offset + ")");
        this.offset = offset;
    }

    /** Offset in the decoded stream where the problem was found, or -1 if not known. */
    public long offset() {
        return offset;
    }
}
