package org.dxaflow.pathway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.dxaflow.order.SentDate;
import org.junit.jupiter.api.Test;

/** Dates worked out by hand on the calendar: 27 Nov 2026 is a Friday, 28 a Saturday. */
class SchedulePolicyTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private final SchedulePolicy policy = new SchedulePolicy(new PathwaySettings(6, WEEKDAYS,
            Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)), LONDON));

    private static final Instant FRIDAY_NOON = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void targetIsSixWeeksAfterTheDayTheReferralWasReceived() {
        assertEquals(LocalDate.of(2027, 1, 8), policy.targetDate(FRIDAY_NOON));
    }

    @Test
    void theDayIsTheServicesDayNotUtcs() {
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST)
        assertEquals(LocalDate.of(2026, 8, 12), policy.targetDate(Instant.parse("2026-06-30T23:30:00Z")));
    }

    @Test
    void withoutARequestedDateTheStepIsTheNextWorkingDay() {
        assertEquals(new ScheduledStep(LocalDate.of(2026, 11, 30), null, ScheduleSource.NEXT_WORKING_DAY),
                policy.defaultStep(SentDate.NONE, null, FRIDAY_NOON), "Friday -> Monday");
        assertEquals(LocalDate.of(2026, 12, 1),
                policy.defaultStep(SentDate.NONE, null, Instant.parse("2026-11-30T12:00:00Z")).date(), "Monday -> Tuesday");
        assertEquals(LocalDate.of(2026, 12, 29),
                policy.defaultStep(SentDate.NONE, null, Instant.parse("2026-12-24T12:00:00Z")).date(),
                "Thursday 24 Dec -> closed 25, weekend, closed 28 -> Tuesday 29");
    }

    @Test
    void aRequestedDateTodayOrLaterIsKeptWithItsTime() {
        assertEquals(new ScheduledStep(LocalDate.of(2026, 12, 12), null, ScheduleSource.REQUESTED_DATE),
                policy.defaultStep(SentDate.of(LocalDate.of(2026, 12, 12)), null, FRIDAY_NOON));
        assertEquals(new ScheduledStep(LocalDate.of(2026, 12, 12), LocalTime.of(14, 30), ScheduleSource.REQUESTED_DATE),
                policy.defaultStep(SentDate.of(LocalDate.of(2026, 12, 12), LocalTime.of(14, 30)), null, FRIDAY_NOON));
        assertEquals(LocalDate.of(2026, 11, 27), policy.defaultStep(SentDate.of(LocalDate.of(2026, 11, 27)), null, FRIDAY_NOON).date(), "today");
    }

    @Test
    void aRequestedDateInThePastOrUnreadableGivesTheNextWorkingDay() {
        assertEquals(ScheduleSource.NEXT_WORKING_DAY, policy.defaultStep(SentDate.of(LocalDate.of(2026, 11, 26)), null, FRIDAY_NOON).source());
        assertEquals(ScheduleSource.NEXT_WORKING_DAY, policy.defaultStep(SentDate.unreadable("2026"), null, FRIDAY_NOON).source());
        assertEquals(ScheduleSource.NEXT_WORKING_DAY, policy.defaultStep(SentDate.unreadable("20261332"), null, FRIDAY_NOON).source());
    }

    @Test
    void aRecentContrastStudyHoldsTheStepBackToTheFirstWorkingDayFromTheEarliestScanDate() {
        assertEquals(new ScheduledStep(LocalDate.of(2026, 12, 7), null, ScheduleSource.EARLIEST_SCAN_DATE),
                policy.defaultStep(SentDate.NONE, LocalDate.of(2026, 12, 5), FRIDAY_NOON), "Saturday 5 Dec -> Monday 7");
        assertEquals(ScheduleSource.REQUESTED_DATE,
                policy.defaultStep(SentDate.of(LocalDate.of(2026, 12, 12)), LocalDate.of(2026, 12, 5), FRIDAY_NOON).source(), "already after it");
    }

    @Test
    void anAppointmentGivesItsDayAndTime() {
        assertEquals(new ScheduledStep(LocalDate.of(2026, 12, 7), LocalTime.of(10, 30), ScheduleSource.APPOINTMENT),
                SchedulePolicy.appointmentStep(SentDate.of(LocalDate.of(2026, 12, 7), LocalTime.of(10, 30))).orElseThrow());
        assertEquals(new ScheduledStep(LocalDate.of(2026, 12, 7), null, ScheduleSource.APPOINTMENT),
                SchedulePolicy.appointmentStep(SentDate.of(LocalDate.of(2026, 12, 7))).orElseThrow());
        assertEquals(java.util.Optional.empty(), SchedulePolicy.appointmentStep(SentDate.NONE));
    }
}
