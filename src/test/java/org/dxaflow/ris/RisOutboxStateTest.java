package org.dxaflow.ris;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import org.dxaflow.store.Database;
import org.dxaflow.store.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RIS delivery state of a status change only moves forward. The outbox marks a change QUEUED
 * after putting it on the queue, and the consumer may deliver it before that: DELIVERED must stay.
 */
class RisOutboxStateTest {

    @TempDir
    Path dir;

    @Test
    void deliveredBeforeTheOutboxMarksItQueuedStaysDelivered() {
        try (Database db = new Database("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(), "", "")) {
            db.migrate();
            Jdbc jdbc = new Jdbc(db.dataSource());
            Instant now = Instant.parse("2026-11-28T09:00:00Z");
            long patient = jdbc.insert("INSERT INTO patient (mrn, created_at, updated_at) VALUES (?, ?, ?)",
                    "RX1", now, now);
            long order = jdbc.insert("INSERT INTO dxa_order (placer_order_number, accession_number, patient_id,"
                    + " status, received_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)", "P1", "A1", patient,
                    "SCHEDULED", now, now);
            long queuedFirst = change(jdbc, order, now);
            long deliveredFirst = change(jdbc, order, now);
            RisOutboxStore changes = new RisOutboxStore(jdbc, true);

            changes.markQueued(queuedFirst, now);
            changes.markDelivered(queuedFirst, now);
            changes.markDelivered(deliveredFirst, now);
            changes.markQueued(deliveredFirst, now);

            assertEquals(RisOutboxStore.DELIVERED, state(jdbc, queuedFirst));
            assertEquals(RisOutboxStore.DELIVERED, state(jdbc, deliveredFirst));
        }
    }

    private static long change(Jdbc jdbc, long order, Instant now) {
        long id = jdbc.insert("INSERT INTO order_status_change (order_id, from_status, to_status, changed_at)"
                + " VALUES (?, ?, ?, ?)", order, "RECEIVED", "SCHEDULED", now);
        jdbc.update("INSERT INTO ris_outbox (status_change_id, state) VALUES (?, ?)", id, RisOutboxStore.PENDING);
        return id;
    }

    private static String state(Jdbc jdbc, long id) {
        return jdbc.queryOne("SELECT state FROM ris_outbox WHERE status_change_id = ?", rs -> rs.getString(1), id)
                .orElseThrow();
    }
}
