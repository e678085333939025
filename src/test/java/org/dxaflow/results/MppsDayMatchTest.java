package org.dxaflow.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.dxaflow.store.Database;
import org.dxaflow.store.Jdbc;
import org.dxaflow.worklist.ProcedureStepEvent;
import org.dxaflow.worklist.ProcedureStepStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result with only a patient and a scan date is matched to the order whose scan the scanner
 * reported (MPPS) that day, read as a date: the day of the Performed Procedure Step Start Date is
 * stored typed, so a text the scanner sent that is no date never matches by its first characters.
 */
class MppsDayMatchTest {

    @TempDir
    Path dir;

    @Test
    void theScanDayIsTheMppsStartDateReadAsADate() {
        try (Database db = new Database("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";WRITE_DELAY=0", "",
                "")) {
            db.migrate();
            Jdbc jdbc = new Jdbc(db.dataSource());
            Instant now = Instant.parse("2026-11-30T09:00:00Z");
            long patient = jdbc.insert("INSERT INTO patient (mrn, created_at, updated_at) VALUES (?, ?, ?)",
                    "RX9", now, now);
            long scanned = order(jdbc, patient, "P-A", "A-A", now);
            long garbled = order(jdbc, patient, "P-B", "A-B", now);
            ProcedureStepStore steps = new ProcedureStepStore(jdbc);
            steps.create(new ProcedureStepEvent("1.2.3.1", "IN PROGRESS", scanned, "A-A", null, "DXA1",
                    "20261128093000", null), now);
            // not a date: the 28th is read from it by nobody
            steps.create(new ProcedureStepEvent("1.2.3.2", "IN PROGRESS", garbled, "A-B", null, "DXA1",
                    "2026112X", null), now);

            ResultMatcher matcher = new ResultMatcher(jdbc);
            ResultMatcher.Match m = matcher.match(new ResultIdentifiers(null, null, "RX9", LocalDate.of(2026, 11, 28)));
            assertEquals(scanned, m.orderId(), m.reason());
            assertEquals(ResultMatcher.BY_PATIENT_AND_DATE, m.method());
            assertFalse(matcher.match(new ResultIdentifiers(null, null, "RX9", LocalDate.of(2026, 11, 29))).matched());
        }
    }

    private static long order(Jdbc jdbc, long patient, String placer, String accession, Instant now) {
        return jdbc.insert("INSERT INTO dxa_order (placer_order_number, accession_number, patient_id, status,"
                + " received_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)", placer, accession, patient, "IN_PROGRESS",
                now, now);
    }
}
