package org.dxaflow.hl7;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.dxaflow.order.SentDate;

/**
 * Typed dates written as HL7 DT/TS text, for the messages dxaflow sends (ACKs, RIS status
 * messages) and for the API fields that have always shown HL7 text. Writing only: HL7 date text is
 * read in this package alone, by the mappers.
 */
public final class Hl7Format {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter TS_MINUTES = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyyMMdd");

    private Hl7Format() {
    }

    /** TS to the second. */
    public static String timestamp(LocalDateTime t) {
        return t.format(TS);
    }

    /** DT. */
    public static String date(LocalDate d) {
        return d.format(DT);
    }

    /** A day, with its time of day when there is one: DT, or TS to the second. */
    public static String dateTime(LocalDate d, LocalTime t) {
        return t == null ? date(d) : timestamp(d.atTime(t));
    }

    /**
     * A date as the order holds it, as the HL7 text it was sent as: DT when only a day was sent, TS to
     * the minute (to the second when there are seconds) when a time was, and the text as sent when it
     * could not be read; empty when nothing was sent. The offset a TS may have carried is not kept: the
     * engine reads RIS times as local wall-clock times.
     */
    public static String sent(SentDate s) {
        if (s.isUnreadable()) {
            return s.unreadable();
        }
        if (s.date() == null) {
            return "";
        }
        if (s.time() == null) {
            return date(s.date());
        }
        LocalDateTime t = s.date().atTime(s.time());
        return t.getSecond() == 0 && t.getNano() == 0 ? t.format(TS_MINUTES) : t.format(TS);
    }
}
