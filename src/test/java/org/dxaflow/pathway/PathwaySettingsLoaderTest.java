package org.dxaflow.pathway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.dxaflow.conf.ConfException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathwaySettingsLoaderTest {

    @TempDir
    Path temp;

    @Test
    void theShippedFileSaysSixWeeksWeekdaysAndLondon() {
        PathwaySettings s = new PathwaySettingsLoader().load(Path.of("conf/appointments.yaml"));

        assertEquals(6, s.targetWeeks());
        assertEquals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), EnumSet.copyOf(s.workingDays()));
        assertEquals(Set.of(), s.closedDates());
        assertEquals(ZoneId.of("Europe/London"), s.zone());
    }

    @Test
    void closedDatesAreRead() throws IOException {
        PathwaySettings s = new PathwaySettingsLoader().load(write("""
                targetWeeksFromReferral: 4
                workingDays: [TUESDAY, THURSDAY]
                closedDates: ["2026-12-25"]
                timeZone: "UTC"
                """));

        assertEquals(4, s.targetWeeks());
        assertEquals(Set.of(LocalDate.of(2026, 12, 25)), s.closedDates());
    }

    @Test
    void everyMistakeIsReportedWithItsLine() throws IOException {
        Path file = write("""
                targetWeeksFromReferral: 0
                workingDays: [MONDAY, FUNDAY]
                closedDates: ["25/12/2026"]
                timeZone: "Europe/Atlantis"
                """);

        ConfException e = assertThrows(ConfException.class, () -> new PathwaySettingsLoader().load(file));

        String all = String.join("\n", e.problems());
        assertEquals(4, e.problems().size(), all);
        assertTrue(all.contains(file + ":1:26: targetWeeksFromReferral: must be at least 1"), all);
        assertTrue(all.contains(file + ":2:23: workingDays: unknown value 'FUNDAY'"), all);
        assertTrue(all.contains(file + ":3:14: closedDates: '25/12/2026' is not a date"), all);
        assertTrue(all.contains(file + ":4:11: timeZone: 'Europe/Atlantis' is not a time zone"), all);
    }

    private Path write(String yaml) throws IOException {
        Path file = temp.resolve("appointments.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
