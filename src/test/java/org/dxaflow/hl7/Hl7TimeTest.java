package org.dxaflow.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.LocalTime;
import org.dxaflow.clinical.Sex;
import org.dxaflow.order.SentDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** HL7 dates and PID-8 read once, at the edge, into the values the order book stores. */
class Hl7TimeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "20261128|2026-11-28|",
        "202611281030|2026-11-28|10:30",
        "20261128103005|2026-11-28|10:30:05",
        "20261207103000+0000|2026-12-07|10:30",
        "20261128235959+0100|2026-11-28|23:59:59",
        "' 20261128 '|2026-11-28|",
        "20261128.5|2026-11-28|",
        "2026112810|2026-11-28|",
        "20261128103060|2026-11-28|",
        "20261128246000|2026-11-28|",
        "20240229|2024-02-29|",
        "20000229|2000-02-29|"})
    void aDateWithADayIsReadWithItsTimeOfDayWhenOneWasSent(String sent, LocalDate day, LocalTime time) {
        assertEquals(SentDate.of(day, time), Hl7Time.sentDate(sent));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026", "202611", "2026113", "2026-11-28", "20261340", "20261131", "20260229",
        "19000229", "00000101", "２０２６１１２８", "Nov 28 2026", "T20261128"})
    void textThatIsNotADateWithADayIsKeptAsSentNeverGuessed(String sent) {
        SentDate read = Hl7Time.sentDate(sent);
        assertNull(read.date(), sent);
        assertEquals(sent.trim(), read.unreadable());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void nothingSentIsNone(String sent) {
        assertEquals(SentDate.NONE, Hl7Time.sentDate(sent));
        assertEquals(SentDate.NONE, Hl7Time.sentDate(null));
    }

    @ParameterizedTest
    @CsvSource({"F,F", "f,F", "M,M", "' m ',M", "U,U", "O,U", "A,U", "N,U", "X,U", "FEMALE,U"})
    void pid8IsOneSexForEveryStep(String pid8, Sex sex) {
        assertEquals(sex, PatientMapper.sex(pid8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void pid8NotSentIsNoSexSoAnEarlierOneIsKept(String pid8) {
        assertNull(PatientMapper.sex(pid8));
    }
}
