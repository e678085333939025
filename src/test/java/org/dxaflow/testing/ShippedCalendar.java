package org.dxaflow.testing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The service calendar of the shipped conf/appointments.yaml (Europe/London, Monday to Friday),
 * written out again so that tests check the engine's scheduling against it, not against itself.
 */
public final class ShippedCalendar {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private ShippedCalendar() {
    }

    /** The day an order without an appointment or a future requested date is scheduled for. */
    public static LocalDate nextWorkingDay() {
        LocalDate d = LocalDate.now(ZONE).plusDays(1);
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }
}
