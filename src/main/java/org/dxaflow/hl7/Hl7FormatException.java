package org.dxaflow.hl7;

/** The bytes received are not an HL7 v2 message we can even read a header from. */
public final class Hl7FormatException extends RuntimeException {
    public Hl7FormatException(String message) {
        super(message);
    }
}
