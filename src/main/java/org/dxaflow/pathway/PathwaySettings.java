package org.dxaflow.pathway;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Local appointment policy from {@code conf/appointments.yaml}.
 *
 * @param targetWeeks seed "Appointment": maximum wait from receipt of referral to appointment
 */
public record PathwaySettings(int targetWeeks, Set<DayOfWeek> workingDays, Set<LocalDate> closedDates, ZoneId zone) {

    public PathwaySettings {
        if (targetWeeks < 1) {
            throw new IllegalArgumentException("targetWeeks must be at least 1");
        }
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("at least one working day is required");
        }
        workingDays = Set.copyOf(EnumSet.copyOf(workingDays));
        closedDates = Set.copyOf(closedDates);
        Objects.requireNonNull(zone, "zone");
    }
}
