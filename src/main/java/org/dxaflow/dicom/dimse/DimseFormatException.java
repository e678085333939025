package org.dxaflow.dicom.dimse;

/** A command set or DIMSE message violates PS3.7 (bad element, wrong VR length, missing field). */
public final class DimseFormatException extends Exception {
    public DimseFormatException(String message) {
        super(message);
    }
}
