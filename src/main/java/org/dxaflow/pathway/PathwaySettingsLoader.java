package org.dxaflow.pathway;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dxaflow.conf.ConfNode;
import org.dxaflow.conf.ConfProblems;
import org.dxaflow.conf.YamlFile;

/**
 * Reads {@code conf/appointments.yaml} with {@code file:line:column} errors like every conf file
 * ({@link org.dxaflow.conf}): no default in code, so a missing value stops the engine.
 */
public final class PathwaySettingsLoader {

    public static final String FILE = "appointments.yaml";

    public PathwaySettings load(Path file) {
        ConfProblems problems = new ConfProblems();
        ConfNode root = YamlFile.read(file, problems);
        int weeks = root.integer("targetWeeksFromReferral");
        if (root.has("targetWeeksFromReferral") && weeks < 1) {
            root.problem("targetWeeksFromReferral", "must be at least 1");
        }
        List<DayOfWeek> days = root.enumList("workingDays", DayOfWeek.class);
        if (root.has("workingDays") && days.isEmpty()) {
            root.problem("workingDays", "at least one working day is required");
        }
        Set<LocalDate> closed = new LinkedHashSet<>();
        for (String text : root.texts("closedDates")) {
            try {
                closed.add(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                root.problem("closedDates", "'" + text + "' is not a date (YYYY-MM-DD)");
            }
        }
        ZoneId zone = ZoneId.of("UTC");
        String zoneText = root.text("timeZone");
        if (root.has("timeZone")) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                root.problem("timeZone", "'" + zoneText + "' is not a time zone (e.g. Europe/London)");
            }
        }
        root.finish();
        problems.throwIfAny();
        return new PathwaySettings(weeks, Set.copyOf(days), closed, zone);
    }
}
