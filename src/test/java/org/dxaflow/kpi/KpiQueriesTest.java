package org.dxaflow.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dxaflow.justification.ReferralQuestionMapping;
import org.dxaflow.store.Database;
import org.dxaflow.store.Jdbc;
import org.dxaflow.testing.LocalPostgres;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every KPI of a hand-made month, on H2 and on the local PostgreSQL server (which must be running:
 * without it the PostgreSQL case fails, saying how to start one). The rows are inserted with SQL
 * into a migrated database; every expected figure is worked out by hand in the comments below from
 * the rows, never by the code under test.
 *
 * <p>The period is March 2026 in Europe/London: GMT (UTC+0) until 29 March 01:00 UTC, then BST
 * (UTC+1). So 2026-03-31T22:30Z is London 31 March 23:30 (in), 2026-03-31T23:30Z is London 1 April
 * 00:30 (out), and 2026-02-28T23:30Z is London 28 February 23:30 (out).
 */
class KpiQueriesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    private static final LocalDate TO = LocalDate.of(2026, 3, 31);

    private final LocalPostgres pg = LocalPostgres.fromEnvironment();

    @TempDir
    Path dir;

    private Jdbc jdbc;
    private final Instant now = Instant.parse("2026-04-05T09:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void everyFigureOfTheMonthIsTheOneWorkedOutByHand(String db) throws Exception {
        String pgDatabase = db.equals("h2") ? null : pg.createDatabase();
        String url = pgDatabase == null ? "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0" : pg.url(pgDatabase);
        try (Database database = new Database(url, pgDatabase == null ? "" : pg.user(), "")) {
            database.migrate();
            jdbc = new Jdbc(database.dataSource());
            seed();
            KpiQueries queries = new KpiQueries(jdbc,
                    ReferralQuestionMapping.load(Path.of("mappings/hl7/referral-questions.yaml")),
                    new KpiSettings(6, List.of(40, 50, 65, 75), LONDON), new ObjectMapper());
            check(db, queries.compute(FROM, TO));
        } finally {
            if (pgDatabase != null) {
                pg.dropDatabase(pgDatabase);
            }
        }
    }

    // --- the month ---------------------------------------------------------------------------
    //
    // Patients (sex, birth date, GP practice):
    //   P1 F 1950-06-15 A1 | P2 M 1980-01-10 A1 | P3 F 1961-03-20 B2 | P4 (no sex) (no birth date) (no practice)
    //   P5 F 1990-05-05 B2
    // Orders (patient, received at, referrer, REFREASON answers):
    //   O1  P1 2026-03-02T10:00Z R1 FRACTURE, STEROIDS     in
    //   O2  P2 2026-03-01T00:10Z R1 FRAX                   in (London 1 March 00:10)
    //   O3  P3 2026-03-10T09:00Z R2 XYZ (not on the form)  in
    //   O4  P4 2026-03-15T09:00Z -- (no answers)           in
    //   O5  P5 2026-03-31T23:30Z R3 FRACTURE               out (London 1 April)
    //   O6  P1 2026-01-05T09:00Z R1 FOLLOW_UP              out
    //   O7  P3 2026-02-28T23:30Z R2 FRACTURE               out (London 28 February)
    //   O8  P2 2026-03-20T09:00Z R2 FOLLOW_UP, FOLLOW_UP   in
    //   O9  P5 2026-01-10T10:00Z R3 STEROIDS               out
    //   O10 P4 2026-02-01T10:00Z R3 FRAX                   out
    //   O11 P3 2026-02-20T10:00Z R2 FRACTURE               out
    //   O12 P2 2026-02-10T10:00Z R1 FOLLOW_UP              out

    private final Map<String, Long> ids = new LinkedHashMap<>();

    private void seed() {
        patient("P1", "F", LocalDate.of(1950, 6, 15), "A1");
        patient("P2", "M", LocalDate.of(1980, 1, 10), "A1");
        patient("P3", "F", LocalDate.of(1961, 3, 20), "B2");
        patient("P4", null, null, null);
        patient("P5", "F", LocalDate.of(1990, 5, 5), "B2");

        order("O1", "P1", "2026-03-02T10:00:00Z", "R1", "FRACTURE", "STEROIDS");
        order("O2", "P2", "2026-03-01T00:10:00Z", "R1", "FRAX");
        order("O3", "P3", "2026-03-10T09:00:00Z", "R2", "XYZ");
        order("O4", "P4", "2026-03-15T09:00:00Z", null);
        order("O5", "P5", "2026-03-31T23:30:00Z", "R3", "FRACTURE");
        order("O6", "P1", "2026-01-05T09:00:00Z", "R1", "FOLLOW_UP");
        order("O7", "P3", "2026-02-28T23:30:00Z", "R2", "FRACTURE");
        order("O8", "P2", "2026-03-20T09:00:00Z", "R2", "FOLLOW_UP", "FOLLOW_UP");
        order("O9", "P5", "2026-01-10T10:00:00Z", "R3", "STEROIDS");
        order("O10", "P4", "2026-02-01T10:00:00Z", "R3", "FRAX");
        order("O11", "P3", "2026-02-20T10:00:00Z", "R2", "FRACTURE");
        order("O12", "P2", "2026-02-10T10:00:00Z", "R1", "FOLLOW_UP");

        // Justification decisions
        decision("O1", 1, "JUSTIFIED", "AUTO", "FRACTURE: fracture after 40");
        decision("O3", 1, "RETURNED", "AUTO", "REFERRER_IDENTIFIED: no referrer", "SIGNED: unsigned");
        decision("O3", 2, "RETURNED", "AUTO", "SIGNED: still unsigned",
                "RETURNED: every reason and every risk factor answered on this referral is not an indication");
        decision("O4", 1, "RETURNED", "AUTO", "FRACTURE: not after 40",
                "RETURNED: every reason and every risk factor answered on this referral is not an indication");
        decision("O8", 1, "NEEDS_REVIEW", "AUTO", "UNKNOWN_CODES: a code the form does not define");
        decision("O8", 2, "RETURNED", "PRACTITIONER", "UNKNOWN_CODES: a code the form does not define",
                "PRACTITIONER: RETURN by Dr Who (P1): please give the fracture site");
        decision("O5", 1, "RETURNED", "AUTO", "SIGNED: unsigned"); // referral out of the period

        // Schedules: MPPS start (scan_started_at) where the scanner sent one
        schedule("O1", "2026-03-30T08:00:00Z");   // London 30 March 09:00 BST
        schedule("O6", "2026-01-20T10:00:00Z");
        schedule("O7", "2026-03-31T23:15:00Z");   // London 1 April 00:15 BST: out (its result says 1 April too)
        schedule("O8", null);                      // returned: never scanned
        schedule("O9", "2026-03-05T10:00:00Z");
        schedule("O11", "2026-03-03T10:00:00Z");

        // Status changes
        change("O1", "RECEIVED", "SCHEDULED", "2026-03-03T09:00:00Z"); // not DNA or CANCELLED
        change("O1", "SCHEDULED", "DNA", "2026-03-10T09:00:00Z");
        change("O1", "DNA", "SCHEDULED", "2026-03-11T09:00:00Z");
        change("O1", "SCHEDULED", "DNA", "2026-03-20T09:00:00Z");
        change("O9", "SCHEDULED", "DNA", "2026-02-15T09:00:00Z");     // out
        change("O4", "SCHEDULED", "DNA", "2026-03-31T23:30:00Z");     // London 1 April: out
        change("O5", "SCHEDULED", "CANCELLED", "2026-03-25T10:00:00Z");
        change("O6", "SCHEDULED", "CANCELLED", "2026-02-01T10:00:00Z"); // out

        // Results (order, status, scan date, WHO category, furtherInvestigation flags, prior)
        result("X6", "O6", "COMPUTED", "2026-01-20", "OSTEOPENIA", null);
        result("X1", "O1", "COMPUTED", "2026-03-30", "OSTEOPOROSIS", "X6", true);
        result("X2", "O2", "COMPUTED", "2026-03-16", "NORMAL", null, false, true);
        result("X9", "O9", "NOT_COMPUTED", "2026-03-05", null, null);
        result("X10", "O10", "COMPUTED", "2026-03-15", null, null, true);
        result("X11a", "O11", "COMPUTED", "2026-03-03", "OSTEOPENIA", null);
        result("X11b", "O11", "COMPUTED", "2026-03-03", "OSTEOPOROSIS", null);
        result("X12", "O12", "COMPUTED", "2026-03-25", "OSTEOPENIA", "X2");
        result("X7", "O7", "COMPUTED", "2026-04-01", "NORMAL", "X11b");
        result("XU", null, "UNMATCHED", "2026-03-10", null, null);

        // Reports: versions (status, created at)
        report("X1", "O1", "PRELIMINARY", "2026-03-30T12:00:00Z", "FINAL", "2026-03-31T22:30:00Z",
                "AMENDED", "2026-04-02T10:00:00Z");
        report("X2", "O2", "FINAL", "2026-03-20T10:00:00Z");
        report("X12", "O12", "PRELIMINARY", "2026-03-25T12:00:00Z", "FINAL", "2026-04-01T10:00:00Z");
        report("X11a", "O11", "FINAL", "2026-03-13T10:00:00Z");
        report("X11b", "O11", "FINAL", "2026-03-05T10:00:00Z");
        report("X6", "O6", "FINAL", "2026-03-02T10:00:00Z");
        report("X10", "O10");
    }

    private void check(String db, ServiceKpis k) {
        assertEquals(FROM, k.from(), db);
        assertEquals(TO, k.to(), db);

        // Referrals in March (London): O1, O2, O3, O4, O8 = 5 (O5 is London 1 April; O7 28 February)
        ServiceKpis.Referrals r = k.referrals();
        assertEquals(5, r.total(), db);
        // O1 FRACTURE+STEROIDS, O2 FRAX, O3 XYZ -> OTHER, O4 none -> NOT_STATED, O8 FOLLOW_UP (twice, once counted)
        assertEquals(linked("FRACTURE", 1L, "STEROIDS", 1L, "RADIOLOGICAL_OSTEOPENIA", 0L, "DISEASE_MEDICATION", 0L,
                "FRAX", 1L, "FOLLOW_UP", 1L, "OTHER", 1L, "NOT_STATED", 1L), r.byIndication(), db);
        // practice: O1 (P1 A1), O2 (P2 A1), O8 (P2 A1) = 3 A1; O3 (P3 B2) = 1; O4 (P4 none) = 1
        assertEquals(linked("A1", 3L, "B2", 1L, "NOT_STATED", 1L), r.bySource().byPractice(), db);
        // referrer: O1, O2 R1 = 2; O3, O8 R2 = 2; O4 none = 1
        assertEquals(linked("NOT_STATED", 1L, "R1", 2L, "R2", 2L), r.bySource().byReferrer(), db);
        // returned: O3 (twice, codes REFERRER_IDENTIFIED, SIGNED; the RETURNED summary line aside),
        // O4 (FRACTURE), O8 (practitioner) = 3; O5 is out of the period
        assertEquals(3, r.returned().total(), db);
        assertEquals(linked("FRACTURE", 1L, "PRACTITIONER_RETURN", 1L, "REFERRER_IDENTIFIED", 1L, "SIGNED", 1L),
                r.returned().byReason(), db);

        // Scans in March, wait = scan day - received day (London):
        //   O1  MPPS 30 Mar, received 2 Mar                              = 28
        //   O2  no MPPS, result 16 Mar, received 1 Mar                   = 15
        //   O9  MPPS 5 Mar, received 10 Jan: 21 (Jan) + 28 (Feb) + 5     = 54
        //   O10 no MPPS, result 15 Mar, received 1 Feb: 27 (Feb) + 15    = 42 (the target day itself)
        //   O11 MPPS 3 Mar, received 20 Feb: 8 (Feb) + 3                 = 11
        //   O12 no MPPS, result 25 Mar, received 10 Feb: 18 (Feb) + 25   = 43 (one day over)
        //   O7  MPPS 2026-03-31T23:15Z = London 1 April 00:15 BST: out; O6 January; O8 never scanned
        // So 6 scans: sorted 11, 15, 28, 42, 43, 54
        ServiceKpis.WaitingTimes w = k.waitingTimes();
        assertEquals(6, w.scans(), db);
        assertEquals(new BigDecimal("35.0"), w.medianDays(), db);        // (28 + 42) / 2, the 3rd and 4th of 6
        assertEquals(54L, w.p90Days(), db);                              // rank ceil(0.9 x 6) = ceil(5.4) = 6
        assertEquals(42, w.targetDays(), db);                            // 6 weeks x 7
        assertEquals(4, w.withinTarget(), db);                           // 11, 15, 28, 42
        assertEquals(new BigDecimal("66.7"), w.within6WeeksPercent(), db); // 4 / 6 = 66.67 %

        // DNA in March: O1 10 Mar, O1 20 Mar = 2 (O9 February; O4 London 1 April); out of 2 + 6 scans = 8
        assertEquals(new ServiceKpis.Rate(2, 8, new BigDecimal("25.0")), k.dnaRate(), db);      // 2/8 = 25 %
        // cancelled in March: O5 = 1 (O6 February); out of 1 + 2 + 6 = 9
        assertEquals(new ServiceKpis.Rate(1, 9, new BigDecimal("11.1")), k.cancellationRate(), db); // 11.11 %

        // Reports whose first FINAL version is in March, days from the scan:
        //   X1  FINAL London 31 Mar 23:30 (22:30Z), scan 30 Mar  = 1  (the AMENDED version in April aside)
        //   X2  FINAL 20 Mar, scan 16 Mar                       = 4
        //   X11a FINAL 13 Mar, scan 3 Mar                       = 10
        //   X11b FINAL 5 Mar, scan 3 Mar                        = 2
        //   X6  FINAL 2 Mar, scan 20 Jan: 11 (Jan) + 28 + 2     = 41
        //   X12 FINAL 1 April: out; X10 no version
        // sorted 1, 2, 4, 10, 41: median the 3rd = 4; p90 rank ceil(4.5) = 5 -> 41
        assertEquals(new ServiceKpis.Durations(5, new BigDecimal("4.0"), 41L, 1L, 41L), k.reportTurnaround(), db);

        // Patients with a computed result scanned in March, each by the latest:
        //   P1 X1  30 Mar OSTEOPOROSIS, F, 75 on 30 Mar 2026 (76 only on 15 June) -> 75+, further investigation
        //   P2 X12 25 Mar OSTEOPENIA (X2 16 Mar is earlier; its flag does not count), M, 46 -> 40-49
        //   P3 X11b 3 Mar OSTEOPOROSIS (same day as X11a, filed later), F, 64 (65 only on 20 March) -> 50-64
        //   P4 X10 15 Mar no category -> UNDETERMINED, sex not stated -> U, no birth date, further investigation
        //   P5 X9 is NOT_COMPUTED; X7 is April; XU has no order
        ServiceKpis.WhoCategories who = k.whoCategories();
        assertEquals(4, who.patients(), db);
        assertEquals(List.of("NORMAL", "OSTEOPENIA", "OSTEOPOROSIS", "SEVERE_OSTEOPOROSIS", "UNDETERMINED"),
                who.categories(), db);
        // 1 + 3 sexes (F, M, U) + 6 bands (<40, 40-49, 50-64, 65-74, 75+, AGE_UNKNOWN) + 3 x 6 crossed = 28
        assertEquals(28, who.groups().size(), db);
        // ALL: OSTEOPENIA 1 (25.0 %), OSTEOPOROSIS 2 (50.0 %), UNDETERMINED 1 (25.0 %) of 4
        assertGroup(db, who, "ALL", "ALL", 4, new long[] {0, 1, 2, 0, 1}, "0.0", "25.0", "50.0", "0.0", "25.0");
        assertGroup(db, who, "F", "ALL", 2, new long[] {0, 0, 2, 0, 0}, "0.0", "0.0", "100.0", "0.0", "0.0");
        assertGroup(db, who, "M", "ALL", 1, new long[] {0, 1, 0, 0, 0}, "0.0", "100.0", "0.0", "0.0", "0.0");
        assertGroup(db, who, "U", "ALL", 1, new long[] {0, 0, 0, 0, 1}, "0.0", "0.0", "0.0", "0.0", "100.0");
        assertGroup(db, who, "ALL", "50-64", 1, new long[] {0, 0, 1, 0, 0}, "0.0", "0.0", "100.0", "0.0", "0.0");
        assertGroup(db, who, "ALL", "65-74", 0, new long[] {0, 0, 0, 0, 0}, null, null, null, null, null);
        assertGroup(db, who, "ALL", "75+", 1, new long[] {0, 0, 1, 0, 0}, "0.0", "0.0", "100.0", "0.0", "0.0");
        assertGroup(db, who, "ALL", "40-49", 1, new long[] {0, 1, 0, 0, 0}, "0.0", "100.0", "0.0", "0.0", "0.0");
        assertGroup(db, who, "ALL", "AGE_UNKNOWN", 1, new long[] {0, 0, 0, 0, 1}, "0.0", "0.0", "0.0", "0.0", "100.0");
        assertGroup(db, who, "F", "75+", 1, new long[] {0, 0, 1, 0, 0}, "0.0", "0.0", "100.0", "0.0", "0.0");
        assertGroup(db, who, "F", "50-64", 1, new long[] {0, 0, 1, 0, 0}, "0.0", "0.0", "100.0", "0.0", "0.0");
        assertGroup(db, who, "M", "75+", 0, new long[] {0, 0, 0, 0, 0}, null, null, null, null, null);

        // further investigation: P1, P4 of 4 patients = 50.0 %
        assertEquals(new ServiceKpis.OnwardReferral(4, 2), k.onwardReferral(), db);
        assertEquals(new BigDecimal("50.0"), k.onwardReferralPercent(), db);

        // Follow-up scans in March: X1 after X6 (20 Jan -> 30 Mar: 11 + 28 + 30 = 69), X12 after X2
        // (16 -> 25 Mar = 9); X7 (April) is out. Median (9 + 69) / 2 = 39.0; p90 rank ceil(1.8) = 2 -> 69
        assertEquals(new ServiceKpis.Durations(2, new BigDecimal("39.0"), 69L, 9L, 69L), k.rescanIntervals(), db);
    }

    private static void assertGroup(String db, ServiceKpis.WhoCategories who, String sex, String band, long patients,
            long[] counts, String... percents) {
        ServiceKpis.WhoGroup g = who.groups().stream().filter(x -> x.sex().equals(sex) && x.ageBand().equals(band))
                .findFirst().orElseThrow(() -> new AssertionError(db + ": no group " + sex + "/" + band));
        String what = db + " " + sex + "/" + band;
        assertEquals(patients, g.patients(), what);
        assertEquals(Arrays.stream(counts).boxed().toList(), new ArrayList<>(g.counts().values()), what);
        List<BigDecimal> expected = Arrays.stream(percents).map(p -> p == null ? null : new BigDecimal(p)).toList();
        assertEquals(expected, new ArrayList<>(g.percent().values()), what);
        if (patients == 0) {
            g.percent().values().forEach(p -> assertNull(p, what));
        }
    }

    private static Map<String, Long> linked(Object... keysAndValues) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], (Long) keysAndValues[i + 1]);
        }
        return out;
    }

    // --- inserts -----------------------------------------------------------------------------

    private void patient(String key, String sex, LocalDate birth, String practice) {
        ids.put(key, jdbc.insert("INSERT INTO patient (mrn, family_name, sex, birth_date, practice_code, created_at,"
                + " updated_at) VALUES (?,?,?,?,?,?,?)", key, "TEST", sex, birth, practice, now, now));
    }

    private void order(String key, String patient, String receivedAt, String referrer, String... reasons) {
        String answers = reasons.length == 0 ? null
                : "[{\"code\":\"REFREASON\",\"codingSystem\":\"99DXA\",\"valueType\":\"CE\",\"values\":["
                        + String.join(",", Arrays.stream(reasons).map(r -> "\"" + r + "\"").toList())
                        + "],\"units\":\"\"}]";
        ids.put(key, jdbc.insert("INSERT INTO dxa_order (placer_order_number, accession_number, patient_id, status,"
                        + " referrer_id, answers_json, received_at, updated_at) VALUES (?,?,?,?,?,?,?,?)",
                "PL-" + key, "ACC-" + key, ids.get(patient), "RECEIVED", referrer, answers,
                Instant.parse(receivedAt), now));
    }

    private void decision(String order, int seq, String outcome, String mode, String... reasons) {
        String json = "{\"outcome\":\"" + outcome + "\",\"reasons\":["
                + String.join(",", Arrays.stream(reasons).map(r -> "\"" + r + "\"").toList()) + "]}";
        jdbc.insert("INSERT INTO justification_decision (order_id, decision_seq, outcome, rule_set_version,"
                        + " decided_by_mode, decided_by_id, decided_by_name, decided_at, decision_json)"
                        + " VALUES (?,?,?,?,?,?,?,?,?)",
                ids.get(order), seq, outcome, "test", mode, "P1", "Dr Who", now, json);
    }

    private void schedule(String order, String scanStartedAt) {
        jdbc.update("INSERT INTO order_schedule (order_id, referral_received_at, target_date, scan_started_at,"
                        + " updated_at) VALUES (?,?,?,?,?)", ids.get(order), now, LocalDate.of(2026, 1, 1),
                scanStartedAt == null ? null : Instant.parse(scanStartedAt), now);
    }

    private void change(String order, String from, String to, String at) {
        jdbc.insert("INSERT INTO order_status_change (order_id, from_status, to_status, changed_at) VALUES (?,?,?,?)",
                ids.get(order), from, to, Instant.parse(at));
    }

    /** flags: one furtherInvestigation flag per value given. */
    private void result(String key, String order, String status, String scanDate, String who, String prior,
            boolean... flags) {
        String json = null;
        if (status.equals("COMPUTED")) {
            List<String> flagJson = new ArrayList<>();
            for (boolean f : flags) {
                flagJson.add("{\"code\":\"X\",\"message\":\"m\",\"furtherInvestigation\":" + f + "}");
            }
            json = "{\"whoCategory\":" + (who == null ? "null" : "\"" + who + "\"") + ",\"flags\":["
                    + String.join(",", flagJson) + "]}";
        }
        ids.put(key, jdbc.insert("INSERT INTO dxa_result (source_type, source_ref, status, order_id, scan_date,"
                        + " result_json, prior_result_id, received_at, processed_at) VALUES (?,?,?,?,?,?,?,?,?)",
                "DICOM_SR", "1.2.3." + key, status, order == null ? null : ids.get(order), LocalDate.parse(scanDate),
                json, prior == null ? null : ids.get(prior), now, now));
    }

    /** versionsAndTimes: status, created at, status, created at, ... */
    private void report(String result, String order, String... versionsAndTimes) {
        int versions = versionsAndTimes.length / 2;
        long id = jdbc.insert("INSERT INTO report (result_id, order_id, status, current_version, created_at,"
                        + " updated_at) VALUES (?,?,?,?,?,?)", ids.get(result), ids.get(order),
                versions == 0 ? "AWAITING_REPORT" : versionsAndTimes[versionsAndTimes.length - 2], versions, now, now);
        for (int v = 0; v < versions; v++) {
            jdbc.update("INSERT INTO report_version (report_id, version, status, document_json, pdf_base64,"
                            + " sr_instance_uid, pdf_instance_uid, created_at) VALUES (?,?,?,?,?,?,?,?)",
                    id, v + 1, versionsAndTimes[2 * v], "{}", "", "1.2." + id + "." + v, "1.3." + id + "." + v,
                    Instant.parse(versionsAndTimes[2 * v + 1]));
        }
    }
}
