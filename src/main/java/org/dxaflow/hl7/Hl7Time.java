package org.dxaflow.hl7;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * HL7 v2 DT/TS values ({@code YYYY[MM[DD[HH[MM[SS[.S...]]]]]][+/-ZZZZ]}) as dates and local times.
 * A value too short for the part asked for, or not a real date, is absent, never guessed.
 */
public final class Hl7Time {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyyMMdd");

    private Hl7Time() {
    }

    /** The date of a DT/TS with at least day precision. */
    public static Optional<LocalDate> date(String ts) {
        String digits = digits(ts);
        if (digits.length() < 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(digits.substring(0, 4)),
                    Integer.parseInt(digits.substring(4, 6)), Integer.parseInt(digits.substring(6, 8))));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The time of day of a TS with at least minute precision. */
    public static Optional<LocalTime> time(String ts) {
        String digits = digits(ts);
        if (digits.length() < 12 || date(ts).isEmpty()) {
            return Optional.empty();
        }
        try {
            int seconds = digits.length() >= 14 ? Integer.parseInt(digits.substring(12, 14)) : 0;
            return Optional.of(LocalTime.of(Integer.parseInt(digits.substring(8, 10)),
                    Integer.parseInt(digits.substring(10, 12)), seconds));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Date and time, the time being midnight when only a date was sent. */
    public static Optional<LocalDateTime> dateTime(String ts) {
        return date(ts).map(d -> d.atTime(time(ts).orElse(LocalTime.MIDNIGHT)));
    }

    public static String format(LocalDateTime t) {
        return t.format(TS);
    }

    public static String format(LocalDate d) {
        return d.format(DT);
    }

    /** The leading digits: the date/time part before any fraction or offset. */
    private static String digits(String ts) {
        if (ts == null) {
            return "";
        }
        String t = ts.trim();
        int end = 0;
        while (end < t.length() && Character.isDigit(t.charAt(end))) {
            end++;
        }
        return t.substring(0, end);
    }
}
