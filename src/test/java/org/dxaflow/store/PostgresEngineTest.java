package org.dxaflow.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.dxaflow.app.DxaflowConfig;
import org.dxaflow.hl7.MllpClient;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineSetup;
import org.dxaflow.testing.LocalPostgres;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.RunningEngine;
import org.dxaflow.testing.Samples;
import org.dxaflow.testing.SiuMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production database: the PostgreSQL server on this machine ({@link LocalPostgres}: user
 * postgres on 127.0.0.1:5432; DXAFLOW_TEST_PG_URL and DXAFLOW_TEST_PG_USER point elsewhere). The
 * same Flyway migrations that build the H2 schema must build this one, and the
 * engine must run on it unchanged.
 */
class PostgresEngineTest {

    private final LocalPostgres pg = LocalPostgres.fromEnvironment();

    @TempDir
    Path dataDir;

    private String database;

    @BeforeEach
    void createDatabase() throws Exception {
        database = pg.createDatabase();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        pg.dropDatabase(database);
    }

    /** An engine whose database is this test's PostgreSQL database. */
    private EngineSetup onPostgres() {
        return EngineSetup.in(dataDir).settings(Map.of(
                DxaflowConfig.DB_URL, pg.url(database),
                DxaflowConfig.DB_USER, pg.user()));
    }

    @Test
    void engineRunsOnPostgresWithTheSameMigrations() throws Exception {
        try (RunningEngine engine = onPostgres().start()) {
            Http http = engine.http();
            try (MllpClient c = engine.hl7().connect()) {
                assertEquals("AA", Samples.field(c.send(Samples.hl7("03-omg-o19-v251-new-order.hl7")), "MSA", 1));
                assertEquals("AA", Samples.field(c.send(Samples.hl7("06-omg-o19-v251-change.hl7")), "MSA", 1));
                assertEquals("AE", Samples.field(c.send(Samples.hl7("invalid/missing-pid-3.hl7")), "MSA", 1));
            }
            JsonNode order = Await.until("order changed on PostgreSQL", Duration.ofSeconds(15),
                    () -> http.orders("placerOrderNumber=ORD100003"),
                    a -> a.size() == 1 && a.get(0).get("requestedProcedure").get("code").asText().equals("XDXAF"))
                    .get(0);
            assertEquals("HOLDEN, SUSAN", order.get("patientName").asText());
            // two messages: the order and its change (the change may be linked twice, CHANGED and, when the
            // gate had already decided, REFERRAL_CHANGED)
            JsonNode linked = http.get("/api/orders/" + order.get("id").asText()).json().get("messages");
            java.util.Set<String> messageIds = new java.util.HashSet<>();
            linked.forEach(m -> messageIds.add(m.get("messageId").asText()));
            assertEquals(2, messageIds.size(), linked.toString());
            // The justification gate, the status record and an appointment on PostgreSQL too.
            engine.hl7().accept(SiuMessages.siu("S12", "2.5.1", "PG-S1", "ORD100003",
                    "APPT-PG", "202612071030", "Booked"));
            JsonNode booked = Await.until("justified and booked on PostgreSQL", Duration.ofSeconds(15),
                    () -> http.orders("placerOrderNumber=ORD100003").get(0),
                    o -> o.get("status").asText().equals("SCHEDULED")
                            && !o.get("pathway").get("appointment").isNull());
            assertEquals("JUSTIFIED", booked.get("justification").get("outcome").asText());
            assertEquals("10:30:00", booked.get("pathway").get("scheduledStep").get("time").asText());
        }
        // The rows really are in PostgreSQL, not somewhere else.
        try (Connection c = pg.connect(database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM dxa_order WHERE placer_order_number = 'ORD100003'")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
        }
        try (Connection c = pg.connect(database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT outcome, decision_json FROM justification_decision")) {
            assertTrue(rs.next());
            assertEquals("JUSTIFIED", rs.getString(1));
            assertTrue(rs.getString(2).contains("\"ruleSetVersion\":\"2025.06-2\""), rs.getString(2));
        }
        try (Connection c = pg.connect(database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
            assertTrue(rs.next());
            assertTrue(rs.getInt(1) >= 1);
        }
    }

    /**
     * The IRMER incident record and the result history on PostgreSQL: a result for a held order is
     * an incident a practitioner then answers; a result that came before its order is matched
     * again (its earlier outcome kept) when the order arrives.
     */
    @Test
    void exposureIncidentsAndResultHistoryRunOnPostgres() throws Exception {
        try (RunningEngine engine = onPostgres().start()) {
            Http http = engine.http();
            try (MllpClient c = engine.hl7().connect()) {
                assertEquals("AA", Samples.field(c.send(Samples.hl7("results/orm-o01-v24-order-man.hl7")), "MSA", 1));
                Await.until("held", Duration.ofSeconds(15), () -> http.orders("accessionNumber=ACC500002").get(0),
                        o -> o.get("status").asText().equals("AWAITING_JUSTIFICATION"));
                assertEquals("AA", Samples.field(c.send(Samples.hl7("results/oru-r01-v251-example.hl7")), "MSA", 1));
                assertEquals("AA", Samples.field(c.send(Samples.hl7("results/oru-r01-v251-woman-70-vfa.hl7")), "MSA", 1));
            }
            JsonNode incident = Await.until("incident on PostgreSQL", Duration.ofSeconds(15),
                    () -> http.get("/api/justification/incidents?open=true").json(), a -> a.size() == 1).get(0);
            assertEquals("NEEDS_REVIEW", incident.get("decision").get("outcome").asText());
            Http.Reply decided = http.post("/api/orders/" + incident.get("orderId").asText() + "/justification",
                    "{\"decision\": \"JUSTIFY\", \"practitioner\": {\"id\": \"PRAC-0002\", \"name\": \"Dr Ruth Bell\","
                            + " \"role\": \"Consultant radiologist\"}}");
            assertEquals(200, decided.status(), String.valueOf(decided.json()));
            assertEquals("COMPLETED", decided.json().get("status").asText());
            assertEquals(0, http.get("/api/justification/incidents?open=true").json().size());

            Await.until("unmatched on PostgreSQL", Duration.ofSeconds(15), () -> http.get("/api/results/unmatched").json(),
                    a -> a.size() == 1);
            engine.hl7().accept(Samples.hl7("results/orm-o01-v24-order-woman-70-menopause-not-stated.hl7"));
            JsonNode order = Await.until("matched again on PostgreSQL", Duration.ofSeconds(15),
                    () -> http.orders("accessionNumber=ACC500006").get(0), o -> o.get("status").asText().equals("COMPLETED"));
            JsonNode result = http.get("/api/orders/" + order.get("id").asText() + "/result").json();
            assertEquals("COMPUTED", result.get("status").asText());
            assertEquals("UNMATCHED", result.get("history").get(0).get("previous").get("status").asText());
        }
    }
}
