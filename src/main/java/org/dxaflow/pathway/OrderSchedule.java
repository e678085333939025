package org.dxaflow.pathway;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The order's way through the pathway: the times the KPIs need and the scheduled step.
 *
 * @param step        null until the order is justified or booked
 * @param appointment null when the RIS never sent one
 */
public record OrderSchedule(
        long orderId,
        Instant referralReceivedAt,
        LocalDate targetDate,
        Instant justifiedAt,
        LocalDate earliestScanDate,
        ScheduledStep step,
        Appointment appointment,
        int didNotAttendCount,
        Instant scanStartedAt) {

    public Optional<ScheduledStep> scheduledStep() {
        return Optional.ofNullable(step);
    }

    public boolean hasBookedAppointment() {
        return appointment != null && appointment.status() == Appointment.Status.BOOKED;
    }
}
