package org.dxaflow.worklist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dxaflow.store.Database;
import org.dxaflow.store.Jdbc;
import org.dxaflow.testing.LocalPostgres;
import org.dxaflow.testing.Migrations;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * V10 reads the MPPS start text already stored into a day by the rule the MPPS SCP now uses
 * ({@link ProcedureStepStore#startDay}), on H2 and on PostgreSQL: the same day or none, never another.
 */
class MppsStartDayMigrationTest {

    static final String[] STORED = {"20261128093000", "20261128", " 20261128 ", "20261128093000.123456",
        "20240229", "20260229", "20261131", "20261340", "2026112", "2026-11-28", "", null};

    private final LocalPostgres pg = LocalPostgres.fromEnvironment();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void storedStartTextsReadBackAsTheScpReadsThemNow(String db) {
        String pgDatabase = db.equals("h2") ? null : pg.createDatabase();
        String url = pgDatabase == null ? "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0" : pg.url(pgDatabase);
        try (Database database = new Database(url, pgDatabase == null ? "" : pg.user(), "")) {
            Migrations.upTo(database.dataSource(), "9");
            Jdbc jdbc = new Jdbc(database.dataSource());
            Instant now = Instant.parse("2026-11-28T09:00:00Z");
            List<String> uids = new ArrayList<>();
            for (int i = 0; i < STORED.length; i++) {
                uids.add("1.2.3." + i);
                jdbc.update("INSERT INTO performed_procedure_step (sop_instance_uid, status, started_at, created_at,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?)", uids.get(i), "IN PROGRESS", STORED[i], now, now);
            }

            database.migrate();

            for (int i = 0; i < STORED.length; i++) {
                LocalDate migrated = jdbc.queryOne("SELECT started_on FROM performed_procedure_step"
                        + " WHERE sop_instance_uid = ?", rs -> java.util.Optional.ofNullable(
                                rs.getObject(1, LocalDate.class)), uids.get(i)).orElseThrow().orElse(null);
                assertEquals(ProcedureStepStore.startDay(STORED[i]), migrated, "stored " + STORED[i]);
            }
            assertEquals(LocalDate.of(2026, 11, 28), ProcedureStepStore.startDay("20261128093000"));
        } finally {
            if (pgDatabase != null) {
                pg.dropDatabase(pgDatabase);
            }
        }
    }
}
