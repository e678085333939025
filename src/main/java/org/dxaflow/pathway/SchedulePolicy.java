package org.dxaflow.pathway;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.dxaflow.order.SentDate;

/**
 * The dates the pathway computes: the waiting-time target and, when the RIS has booked no
 * appointment, the day the worklist step is scheduled on.
 */
public final class SchedulePolicy {

    private final PathwaySettings settings;

    public SchedulePolicy(PathwaySettings settings) {
        this.settings = settings;
    }

    public PathwaySettings settings() {
        return settings;
    }

    /** Seed "Appointment": referral received + the agreed maximum wait (six weeks by default). */
    public LocalDate targetDate(Instant referralReceivedAt) {
        return today(referralReceivedAt).plusWeeks(settings.targetWeeks());
    }

    public LocalDate today(Instant now) {
        return now.atZone(settings.zone()).toLocalDate();
    }

    /**
     * The step without an appointment: the requested date when it is today or later, else the next
     * working day; never before the earliest scan date a recent NM/contrast study imposes.
     *
     * @param requestedDate    as the order holds it; none or unreadable means no date was asked for
     *                         (the gate holds an order whose requested date is unreadable, so a
     *                         practitioner has seen it before it is scheduled this way)
     * @param earliestScanDate null when unconstrained
     */
    public ScheduledStep defaultStep(SentDate requestedDate, LocalDate earliestScanDate, Instant now) {
        LocalDate today = today(now);
        Optional<LocalDate> requested = requestedDate.day().filter(d -> !d.isBefore(today));
        ScheduledStep step = requested
                .map(d -> new ScheduledStep(d, requestedDate.time(), ScheduleSource.REQUESTED_DATE))
                .orElseGet(() -> new ScheduledStep(nextWorkingDay(today), null, ScheduleSource.NEXT_WORKING_DAY));
        if (earliestScanDate != null && step.date().isBefore(earliestScanDate)) {
            return new ScheduledStep(firstWorkingDayFrom(earliestScanDate), null, ScheduleSource.EARLIEST_SCAN_DATE);
        }
        return step;
    }

    public LocalDate nextWorkingDay(LocalDate after) {
        return firstWorkingDayFrom(after.plusDays(1));
    }

    private LocalDate firstWorkingDayFrom(LocalDate day) {
        LocalDate d = day;
        // bounded: a year of closed dates would be a configuration mistake, not a schedule
        for (int i = 0; i < 366; i++, d = d.plusDays(1)) {
            if (settings.workingDays().contains(d.getDayOfWeek()) && !settings.closedDates().contains(d)) {
                return d;
            }
        }
        throw new IllegalStateException("No working day within a year of " + day + ": check conf/appointments.yaml");
    }

    /** The step an appointment gives: its day and, when the RIS sent one, its time. */
    public static Optional<ScheduledStep> appointmentStep(SentDate start) {
        return start.day().map(d -> new ScheduledStep(d, start.time(), ScheduleSource.APPOINTMENT));
    }
}
