package org.dxaflow.hl7;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.dxaflow.order.SentDate;

/**
 * Reads HL7 v2 DT/TS values ({@code YYYY[MM[DD[HH[MM[SS[.S...]]]]]][+/-ZZZZ]}) as dates and local
 * times: the one reader of HL7 dates, used by the mappers so that the order book holds typed values
 * and nothing outside this package reads HL7 date text. A value too short for the part asked for,
 * or not a real date, is absent, never guessed. Only ASCII digits count (HL7 TS is ASCII), and the
 * year must be 1 or later (no calendar a database stores has a year 0). The offset, when sent, is
 * not applied: RIS times are local wall-clock times. {@code V9__typed_order_dates.sql} reads the
 * order dates stored before as text by the same rules.
 */
final class Hl7Time {

    private Hl7Time() {
    }

    /** The date of a DT/TS with at least day precision. */
    static Optional<LocalDate> date(String ts) {
        String digits = digits(ts);
        if (digits.length() < 8) {
            return Optional.empty();
        }
        try {
            int year = Integer.parseInt(digits.substring(0, 4));
            if (year < 1) {
                return Optional.empty();
            }
            return Optional.of(LocalDate.of(year, Integer.parseInt(digits.substring(4, 6)),
                    Integer.parseInt(digits.substring(6, 8))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The time of day of a TS with at least minute precision. */
    static Optional<LocalTime> time(String ts) {
        String digits = digits(ts);
        if (digits.length() < 12 || date(ts).isEmpty()) {
            return Optional.empty();
        }
        try {
            int seconds = digits.length() >= 14 ? Integer.parseInt(digits.substring(12, 14)) : 0;
            return Optional.of(LocalTime.of(Integer.parseInt(digits.substring(8, 10)),
                    Integer.parseInt(digits.substring(10, 12)), seconds));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A DT/TS field as the order holds it: nothing when empty, the day and time of day when they
     * can be read, else the text as sent (unreadable).
     */
    static SentDate sentDate(String ts) {
        if (ts == null || ts.isBlank()) {
            return SentDate.NONE;
        }
        Optional<LocalDate> day = date(ts);
        return day.isPresent() ? SentDate.of(day.get(), time(ts).orElse(null)) : SentDate.unreadable(ts);
    }

    /** The leading ASCII digits: the date/time part before any fraction or offset. */
    private static String digits(String ts) {
        if (ts == null) {
            return "";
        }
        String t = ts.trim();
        int end = 0;
        while (end < t.length() && t.charAt(end) >= '0' && t.charAt(end) <= '9') {
            end++;
        }
        return t.substring(0, end);
    }
}
