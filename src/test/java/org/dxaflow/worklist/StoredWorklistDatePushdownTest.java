package org.dxaflow.worklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.UidGenerator;
import org.dxaflow.dicom.query.KeyMatcher;
import org.dxaflow.justification.ReferralQuestionMapping;
import org.dxaflow.orderbook.OrderStore;
import org.dxaflow.store.Database;
import org.dxaflow.store.Jdbc;
import org.dxaflow.testing.LocalPostgres;
import org.dxaflow.testing.Migrations;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pushing the Scheduled Procedure Step Start Date key into SQL must never change an answer: for
 * every date key shape, the items the SCP returns with the push-down are exactly those the
 * matcher accepts among all worklist items. Orders carry every kind of requested date the RIS may
 * send (date only, with time, with zone, malformed, impossible, none), stored as earlier versions
 * stored them (HL7 text) and typed by the V9 migration as the HL7 mapper types them now: a date that
 * cannot be read is no date. Runs on H2 and on the local PostgreSQL server.
 */
class StoredWorklistDatePushdownTest {

    private final LocalPostgres pg = LocalPostgres.fromEnvironment();

    static final String[] REQUESTED = {"20261127", "20261128", "202611281030", "20261128235959+0100",
        "20261129", "20261130093000", "20261201", "20261231", "20270101", "2026-11-28", "20261340", "2026",
        "", null, "20261128.5", "19991231"};

    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void dateKeysPushedIntoSqlGiveTheSameItemsAsMatchingEveryItem(String db) throws Exception {
        String pgDatabase = null;
        String url;
        String user = "";
        if (db.equals("h2")) {
            url = "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0";
        } else {
            pgDatabase = pg.createDatabase();
            url = pg.url(pgDatabase);
            user = pg.user();
        }
        try (Database database = new Database(url, user, "")) {
            Migrations.upTo(database.dataSource(), "8");
            Jdbc jdbc = new Jdbc(database.dataSource());
            storeOrders(jdbc);
            database.migrate();
            check(jdbc);
        } finally {
            if (pgDatabase != null) {
                pg.dropDatabase(pgDatabase);
            }
        }
    }

    /** The orders as the order book held them before V9: the requested date as the HL7 text sent. */
    private static void storeOrders(Jdbc jdbc) {
        Instant now = NOW;
        long patient = jdbc.insert("INSERT INTO patient (mrn, mrn_authority, nhs_number, family_name, given_name,"
                + " sex, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                "RX1", "RXA", "9990000018", "TEST", "PATIENT", "F", now, now);
        for (int i = 0; i < REQUESTED.length; i++) {
            for (String status : List.of("RECEIVED", "SCHEDULED", "CANCELLED")) {
                String acc = "A" + i + status.charAt(0);
                jdbc.insert("INSERT INTO dxa_order (placer_order_number, accession_number, patient_id, status,"
                        + " procedure_code, procedure_text, requested_date, received_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        "P" + acc, acc, patient, status, "XDXAS", "DXA scan", REQUESTED[i], now, now);
            }
        }
    }

    private void check(Jdbc jdbc) {
        Instant now = NOW;
        // Once justified, an order's date is its scheduled step's, whatever was requested: the
        // SCHEDULED orders requested on 20261129, 20261201 and 2026-11-28 (unparsable) are booked
        // for 20261128, and the one requested for 20261127 is moved to 20261203.
        for (int i : new int[] {4, 6, 9}) {
            schedule(jdbc, "A" + i + "S", java.time.LocalDate.of(2026, 11, 28), now);
        }
        schedule(jdbc, "A0S", java.time.LocalDate.of(2026, 12, 3), now);
        StoredWorklist worklist = new StoredWorklist(jdbc,
                new org.dxaflow.orderbook.OrderStore(jdbc, new com.fasterxml.jackson.databind.ObjectMapper(), "DXA"),
                ids -> java.util.Map.of(),
                new StoredWorklist.Settings(Set.of("RECEIVED", "SCHEDULED"), "DXASCAN1", "", "DXA"),
                new WorklistDataSet("99DXAFLOW"), new UidGenerator(UidGenerator.DEFAULT_ROOT),
                ReferralQuestionMapping.load(Path.of("mappings", "hl7", "referral-questions.yaml")));
        KeyMatcher matcher = new KeyMatcher();
        List<Attributes> everything = new ArrayList<>();
        worklist.candidates(new Attributes(), everything::add);
        assertEquals(REQUESTED.length * 2, everything.size());

        List<String> dateKeys = List.of("20261128", "20261127", "20261129", "20261130", "20261201", "20261231",
                "20270101", "20261340", "2026.11.28", "20261128-20261130", "20261128-", "-20261128", "-20261231",
                "20261201-20270101", "20261130-20261128", "2026-", "20261128-2026", "2026112*", "20261128\\20261201",
                "", "-", "  20261128 ", "202611", "20261128 - 20261129");
        for (String dateKey : dateKeys) {
            for (String accession : new String[] {null, "A1R", "A5S"}) {
                Attributes keys = new Attributes();
                keys.setNull(Tag.AccessionNumber);
                if (accession != null) {
                    keys.setString(Tag.AccessionNumber, accession);
                }
                Attributes sps = keys.newSequence(Tag.ScheduledProcedureStepSequence).addItem();
                sps.setString(Tag.ScheduledProcedureStepStartDate, dateKey.split("\\\\"));
                sps.setNull(Tag.ScheduledStationAETitle);

                Set<String> expected = accessions(everything.stream().filter(c -> matcher.matches(keys, c)));
                List<Attributes> pushed = new ArrayList<>();
                worklist.candidates(keys, pushed::add);
                Set<String> actual = accessions(pushed.stream().filter(c -> matcher.matches(keys, c)));
                assertEquals(expected, actual, "date key '" + dateKey + "', accession " + accession);
            }
        }

        // And the push-down really narrows: a single day reads that day's items, not the whole book.
        Attributes today = new Attributes();
        today.newSequence(Tag.ScheduledProcedureStepSequence).addItem()
                .setString(Tag.ScheduledProcedureStepStartDate, "20261128");
        List<Attributes> read = new ArrayList<>();
        worklist.candidates(today, read::add);
        assertEquals(Set.of("A1R", "A1S", "A2R", "A2S", "A3R", "A3S", "A14R", "A14S", "A4S", "A6S", "A9S"),
                accessions(read.stream()));
    }

    private static void schedule(Jdbc jdbc, String accession, java.time.LocalDate day, Instant now) {
        long orderId = jdbc.queryOne("SELECT id FROM dxa_order WHERE accession_number = ?", rs -> rs.getLong(1),
                accession).orElseThrow();
        jdbc.update("INSERT INTO order_schedule (order_id, referral_received_at, target_date, scheduled_date,"
                + " schedule_source, updated_at) VALUES (?, ?, ?, ?, ?, ?)", orderId, now,
                java.time.LocalDate.of(2027, 1, 9), day, "REQUESTED_DATE", now);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20261128", "2026.11.28", "20261128-20261130", "20261128-", " 20261128 "})
    void startDateRangeIsReadLikeTheMatcherReadsIt(String key) {
        Attributes keys = new Attributes();
        keys.newSequence(Tag.ScheduledProcedureStepSequence).addItem()
                .setString(Tag.ScheduledProcedureStepStartDate, key);
        LocalDate[] range = StoredWorklist.startDateRange(keys).orElseThrow();
        LocalDate day = LocalDate.of(2026, 11, 28);
        assertFalse(range[0].isAfter(day));
        assertTrue(range[1] == null || !range[1].isBefore(day));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "2026", "20261340", "2026112*", "20261128-2026", "-20261128"})
    void keysTheDatabaseCannotApplyAreLeftToTheMatcher(String key) {
        Attributes keys = new Attributes();
        keys.newSequence(Tag.ScheduledProcedureStepSequence).addItem()
                .setString(Tag.ScheduledProcedureStepStartDate, key);
        assertFalse(StoredWorklist.startDateRange(keys).isPresent());
    }

    private static Set<String> accessions(Stream<Attributes> items) {
        TreeSet<String> s = new TreeSet<>();
        items.forEach(a -> s.add(a.getString(Tag.AccessionNumber)));
        return s;
    }
}
