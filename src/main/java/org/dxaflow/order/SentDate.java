package org.dxaflow.order;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;

/**
 * A date an order carries (when the referral was made, the day asked for, an appointment's start),
 * read once, by the HL7 mapper, from the message that sent it: the day and, when one was sent, the
 * time of day (local wall-clock time, as the RIS sends it). When the text sent is not a date with a
 * day (malformed, impossible like 31 April, a year or month alone), there is no date, and the text
 * is kept so that the person who must decide sees what was sent: an unreadable date is never
 * guessed into one, and never mistaken for one that was not sent.
 *
 * @param date       the day; null when nothing was sent or what was sent could not be read
 * @param time       the time of day; null when none was sent (or it could not be read)
 * @param unreadable the text sent when it could not be read as a date; empty otherwise
 */
public record SentDate(LocalDate date, LocalTime time, String unreadable) {

    /** Nothing was sent. */
    public static final SentDate NONE = new SentDate(null, null, "");

    public SentDate {
        unreadable = unreadable == null ? "" : unreadable.trim();
        if (date == null && time != null) {
            throw new IllegalArgumentException("a time of day without a day");
        }
        if (date != null && !unreadable.isEmpty()) {
            throw new IllegalArgumentException("a date that is also unreadable");
        }
    }

    public static SentDate of(LocalDate date) {
        return of(date, null);
    }

    /** A day, and its time of day when one was sent; nothing when {@code date} is null. */
    public static SentDate of(LocalDate date, LocalTime time) {
        return date == null ? NONE : new SentDate(date, time, "");
    }

    /** Text that was sent as a date but is not one; nothing when the text is blank. */
    public static SentDate unreadable(String text) {
        return text == null || text.isBlank() ? NONE : new SentDate(null, null, text);
    }

    /** Something was sent and could not be read as a date. */
    public boolean isUnreadable() {
        return !unreadable.isEmpty();
    }

    public Optional<LocalDate> day() {
        return Optional.ofNullable(date);
    }

    /** The day at its time of day, midnight when only a day was sent. */
    public Optional<LocalDateTime> dateTime() {
        return day().map(d -> d.atTime(time == null ? LocalTime.MIDNIGHT : time));
    }

    /** The same date without its time of day: for dates only the day of which means anything. */
    public SentDate dayOnly() {
        return new SentDate(date, null, unreadable);
    }
}
