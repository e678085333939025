package org.dxaflow.report;

/**
 * A destination did not take a report: refused it (HL7 AE/AR, a DICOM failure status, an HTTP
 * error) or could not be reached. The message is what the delivery record shows an engineer: the
 * receiver's own error text where it gave one. Never patient data.
 *
 * @see #permanent() a refusal resending the same content cannot fix (HL7 AR, HTTP 4xx other than
 *      408/429, a DICOM 0xA9xx/0xC0xx): it is still retried, as the receiver may be fixed meanwhile,
 *      but the delivery record says so
 */
public class DeliveryFailure extends RuntimeException {

    private final boolean permanent;

    public DeliveryFailure(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public DeliveryFailure(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
