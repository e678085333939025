package org.dxaflow.dicom.data;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Conversions between java.time and the DA, TM and DT VRs (PS3.5 Table 6.2-1), for worklist
 * and MPPS dates. Parsing accepts what PS3.5 allows (TM with omitted trailing components and up
 * to 6 fraction digits) and the ACR-NEMA forms still sent by old devices ("yyyy.MM.dd",
 * "HH:mm:ss"); unparseable text throws DateTimeException rather than guessing.
 */
public final class DateTimes {

    // STRICT: the default (SMART) reads 20261131 as 30 November, a guess; an impossible date must throw.
    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private DateTimes() {
    }

    /** yyyyMMdd. */
    public static String formatDA(LocalDate date) {
        return date.format(DA);
    }

    /** HHmmss, plus a fraction of up to 6 digits when the time has one. */
    public static String formatTM(LocalTime time) {
        String s = String.format("%02d%02d%02d", time.getHour(), time.getMinute(), time.getSecond());
        int micros = time.getNano() / 1000;
        if (micros == 0) {
            return s;
        }
        String fraction = String.format("%06d", micros).replaceAll("0+$", "");
        return s + "." + fraction;
    }

    /** yyyyMMddHHmmss[.ffffff], without a UTC offset (local time of the site). */
    public static String formatDT(LocalDateTime dateTime) {
        return formatDA(dateTime.toLocalDate()) + formatTM(dateTime.toLocalTime());
    }

    public static LocalDate parseDA(String text) {
        String s = text.trim().replace(".", "");
        if (s.length() != 8 || !s.chars().allMatch(Character::isDigit)) {
            throw new DateTimeException("not a DA value: " + text);
        }
        return LocalDate.parse(s, DA);
    }

    public static LocalTime parseTM(String text) {
        String s = text.trim().replace(":", "");
        String fraction = "";
        int dot = s.indexOf('.');
        if (dot >= 0) {
            fraction = s.substring(dot + 1);
            s = s.substring(0, dot);
        }
        if (s.length() < 2 || s.length() > 6 || (s.length() & 1) == 1 || fraction.length() > 6
                || !(s + fraction).chars().allMatch(Character::isDigit)) {
            throw new DateTimeException("not a TM value: " + text);
        }
        int hour = Integer.parseInt(s.substring(0, 2));
        int minute = s.length() >= 4 ? Integer.parseInt(s.substring(2, 4)) : 0;
        int second = s.length() >= 6 ? Math.min(59, Integer.parseInt(s.substring(4, 6))) : 0; // 60 = leap second
        int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000").substring(0, 6)) * 1000;
        return LocalTime.of(hour, minute, second, nanos);
    }

    /** The date of a DA attribute, or null if absent or empty. */
    public static LocalDate getDate(Attributes ds, Tag tag) {
        String v = ds.getString(tag);
        return v == null ? null : parseDA(v);
    }

    /** The time of a TM attribute, or null if absent or empty. */
    public static LocalTime getTime(Attributes ds, Tag tag) {
        String v = ds.getString(tag);
        return v == null ? null : parseTM(v);
    }
}
