package org.dxaflow.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dxaflow.order.Order;
import org.dxaflow.orderbook.OrderStore;
import org.dxaflow.store.Database;
import org.dxaflow.store.Jdbc;
import org.dxaflow.testing.LocalPostgres;
import org.dxaflow.testing.Migrations;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * V9 turns the order dates stored as HL7 text, and the patient's sex stored as sent, into the typed
 * values the HL7 mapper now produces, by the same rules: every row an older engine stored reads back
 * as the order a message with that text would make today. On H2 and on the local PostgreSQL server.
 */
class OrderDatesMigrationTest {

    private final LocalPostgres pg = LocalPostgres.fromEnvironment();

    /** What earlier versions stored: as sent, whatever the RIS sent (VARCHAR(26)). */
    static final String[] STORED = {"20261128", "202611281030", "20261128103005", "20261128235959+0100",
        "20261207103000+0000", " 20261128 ", "20261128.5", "2026112810", "2026112810305", "20261128103060",
        "20261128246000", "20261128237000", "20240229", "20000229", "20260229", "19000229", "20261131",
        "20261340", "2026", "202611", "2026113", "2026-11-28", "00000101", "00010101", "Nov 28 2026",
        "２０２６１１２８", "20261128103005.1234+0100", "", "  ", null};

    static final String[] SEX = {"F", "f", "M", "m", "U", "O", "A", "N", "X", "", " ", null};

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void storedDatesAndSexReadBackAsTheMapperReadsThemNow(String db) throws Exception {
        String pgDatabase = db.equals("h2") ? null : pg.createDatabase();
        String url = pgDatabase == null ? "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0" : pg.url(pgDatabase);
        try (Database database = new Database(url, pgDatabase == null ? "" : pg.user(), "")) {
            Migrations.upTo(database.dataSource(), "8");
            Jdbc jdbc = new Jdbc(database.dataSource());
            Instant now = Instant.parse("2026-11-28T09:00:00Z");
            List<Long> patients = new ArrayList<>();
            for (String sex : SEX) {
                patients.add(jdbc.insert("INSERT INTO patient (mrn, family_name, sex, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?)", "M" + patients.size(), "TEST", sex, now, now));
            }
            List<Long> orders = new ArrayList<>();
            for (int i = 0; i < STORED.length; i++) {
                // the referral date gets another stored value than the requested date, to keep the two apart
                orders.add(jdbc.insert("INSERT INTO dxa_order (placer_order_number, accession_number, patient_id,"
                        + " status, requested_date, referral_date, received_at, updated_at) VALUES (?,?,?,?,?,?,?,?)",
                        "P" + i, "A" + i, patients.get(i % patients.size()), "RECEIVED", STORED[i],
                        STORED[STORED.length - 1 - i], now, now));
            }

            database.migrate();

            OrderStore store = new OrderStore(jdbc, new ObjectMapper(), "DXA");
            for (int i = 0; i < STORED.length; i++) {
                Order o = store.get(orders.get(i)).orElseThrow();
                String requested = STORED[i];
                String referral = STORED[STORED.length - 1 - i];
                assertEquals(Hl7Time.sentDate(requested), o.requestedDate(), db + ": requested " + show(requested));
                assertEquals(Hl7Time.sentDate(referral).dayOnly(), o.referralDate(), db + ": referral " + show(referral));
                String sex = SEX[i % SEX.length];
                assertEquals(PatientMapper.sex(sex), o.patient().demographics().sex(), db + ": sex " + show(sex));
            }
            // and the typed column is what the results matcher and the worklist compare days on
            LocalDate day = LocalDate.of(2026, 11, 28);
            List<Long> thatDay = new ArrayList<>();
            for (int i = 0; i < STORED.length; i++) {
                if (Hl7Time.date(STORED[i]).filter(day::equals).isPresent()) {
                    thatDay.add(orders.get(i));
                }
            }
            assertEquals(12, thatDay.size());
            assertEquals(thatDay, jdbc.query("SELECT id FROM dxa_order WHERE requested_date = ? ORDER BY id",
                    rs -> rs.getLong(1), day), db);
        } finally {
            if (pgDatabase != null) {
                pg.dropDatabase(pgDatabase);
            }
        }
    }

    private static String show(String s) {
        return s == null ? "null" : "'" + s + "' " + Arrays.toString(s.chars().toArray());
    }
}
