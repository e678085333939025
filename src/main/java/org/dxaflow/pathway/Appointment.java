package org.dxaflow.pathway;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * The order's appointment as the RIS last described it.
 *
 * @param start    local wall-clock time as sent in the SIU
 * @param bookedAt when dxaflow learnt of the booking (the "appointment time" KPI)
 */
public record Appointment(String id, Status status, LocalDateTime start, Instant bookedAt) {

    /** What became of the appointment. */
    public enum Status {
        BOOKED,
        CANCELLED,
        DID_NOT_ATTEND
    }
}
