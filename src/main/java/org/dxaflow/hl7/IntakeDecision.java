package org.dxaflow.hl7;

import java.time.Instant;

/**
 * What the listener decided about one received message, before anything is stored: accept it
 * (and answer {@code ack} once it is durably queued), reject it with {@code ack}, or, when not
 * even a header could be read, close the connection.
 */
public record IntakeDecision(
        String intakeId,
        Instant receivedAt,
        String raw,
        MessageHeader header,
        boolean accepted,
        IntakeError error,
        String ack) {

    public boolean closeConnection() {
        return ack == null;
    }

    /** For logs: never patient data, only what identifies the message. */
    public String describe() {
        return header == null
                ? "unreadable message " + intakeId
                : header.typeAndTrigger() + " control id " + header.controlId() + " from " + header.sendingApplication()
                        + "/" + header.sendingFacility();
    }
}
