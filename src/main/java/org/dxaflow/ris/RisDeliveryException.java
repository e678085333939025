package org.dxaflow.ris;

/**
 * The RIS did not accept a status message: no connection, no answer in time, or an answer other
 * than AA for this message. The route retries, then the queue does, then the message goes to the
 * dead letter queue. The text names the control ID only, never message content.
 */
public final class RisDeliveryException extends RuntimeException {
    public RisDeliveryException(String message) {
        super(message);
    }

    public RisDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
