package org.dxaflow.pathway;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/** When the order's scan is scheduled; {@code time} is null when only a day is known. */
public record ScheduledStep(LocalDate date, LocalTime time, ScheduleSource source) {
    public ScheduledStep {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(source, "source");
    }
}
