package org.dxaflow.dicom.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DateTimesTest {

    @Test
    void formats() {
        assertEquals("19480229", DateTimes.formatDA(LocalDate.of(1948, 2, 29)));
        assertEquals("081500", DateTimes.formatTM(LocalTime.of(8, 15)));
        assertEquals("081500.25", DateTimes.formatTM(LocalTime.of(8, 15, 0, 250_000_000)));
        assertEquals("20240117081500", DateTimes.formatDT(LocalDateTime.of(2024, 1, 17, 8, 15)));
    }

    @Test
    void parsesPs35FormsAndLegacyOnes() {
        assertEquals(LocalDate.of(2024, 1, 17), DateTimes.parseDA("20240117"));
        assertEquals(LocalDate.of(2024, 1, 17), DateTimes.parseDA("2024.01.17"));
        assertEquals(LocalTime.of(8, 0), DateTimes.parseTM("08"));
        assertEquals(LocalTime.of(8, 15), DateTimes.parseTM("0815"));
        assertEquals(LocalTime.of(8, 15, 30, 123_456_000), DateTimes.parseTM("081530.123456"));
        assertEquals(LocalTime.of(8, 15, 30, 100_000_000), DateTimes.parseTM("081530.1"));
        assertEquals(LocalTime.of(8, 15, 30), DateTimes.parseTM("08:15:30"));
        assertThrows(DateTimeException.class, () -> DateTimes.parseDA("2024011"));
        assertThrows(DateTimeException.class, () -> DateTimes.parseDA("20241317"));
        // a day the month does not have is no date, not the month's last day
        assertThrows(DateTimeException.class, () -> DateTimes.parseDA("20261131"));
        assertThrows(DateTimeException.class, () -> DateTimes.parseDA("20260229"));
        assertThrows(DateTimeException.class, () -> DateTimes.parseTM("081"));
        assertThrows(DateTimeException.class, () -> DateTimes.parseTM("2515"));
    }

    @Test
    void attributeHelpers() {
        Attributes ds = new Attributes().setString(Tag.ScheduledProcedureStepStartDate, "20240117")
                .setString(Tag.ScheduledProcedureStepStartTime, "081500");
        assertEquals(LocalDate.of(2024, 1, 17), DateTimes.getDate(ds, Tag.ScheduledProcedureStepStartDate));
        assertEquals(LocalTime.of(8, 15), DateTimes.getTime(ds, Tag.ScheduledProcedureStepStartTime));
        assertNull(DateTimes.getDate(ds, Tag.StudyDate));
    }
}
