package org.dxaflow.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.ReferralCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/kpi} through a running engine with the shipped configuration: the JSON shape, the
 * CSV and its content type, and the 400s naming the field. The figures themselves are
 * {@link KpiQueriesTest}'s; here one referral sent over MLLP shows the API reads the engine's own store.
 * Signed in as the tests' default user (an admin) unless a test says otherwise.
 */
class KpiApiTest {

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.shipped();
    static final Http http = engine.http();

    /** Today in the shipped time zone (conf/appointments.yaml: Europe/London), a day either side. */
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
    private static final String PERIOD = "from=" + TODAY.minusDays(1) + "&to=" + TODAY.plusDays(1);

    @Test
    void jsonHasEveryFigureOfTheIssue() throws Exception {
        engine.accept(ReferralCase.number(39).toHl7("2.4", "KPI-1", "KPI-A"));
        JsonNode k = Await.until("the referral counted", Duration.ofSeconds(20),
                () -> http.get("/api/kpi?" + PERIOD), r -> r.status() == 200
                        && r.json().path("referrals").path("total").asLong() == 1).json();

        assertEquals(TODAY.minusDays(1).toString(), k.path("from").asText());
        assertEquals(TODAY.plusDays(1).toString(), k.path("to").asText());
        assertEquals(List.of("total", "byIndication", "bySource", "returned"), names(k.path("referrals")));
        assertEquals(List.of("FRACTURE", "STEROIDS", "RADIOLOGICAL_OSTEOPENIA", "DISEASE_MEDICATION", "FRAX",
                "FOLLOW_UP", "OTHER", "NOT_STATED"), names(k.path("referrals").path("byIndication")));
        assertEquals(List.of("byPractice", "byReferrer"), names(k.path("referrals").path("bySource")));
        assertEquals(List.of("total", "byReason"), names(k.path("referrals").path("returned")));
        assertEquals(List.of("scans", "medianDays", "p90Days", "targetDays", "withinTarget", "within6WeeksPercent"),
                names(k.path("waitingTimes")));
        // conf/appointments.yaml targetWeeksFromReferral: 6 -> 6 x 7 days
        assertEquals(42, k.path("waitingTimes").path("targetDays").asInt());
        assertTrue(k.path("waitingTimes").path("medianDays").isNull(), "nothing scanned: no median");
        assertEquals(List.of("count", "outOf", "percent"), names(k.path("dnaRate")));
        assertEquals(List.of("count", "outOf", "percent"), names(k.path("cancellationRate")));
        assertEquals(List.of("count", "medianDays", "p90Days", "minDays", "maxDays"), names(k.path("reportTurnaround")));
        assertEquals(List.of("count", "medianDays", "p90Days", "minDays", "maxDays"), names(k.path("rescanIntervals")));
        assertEquals(List.of("patients", "categories", "groups"), names(k.path("whoCategories")));
        // conf/kpi.yaml bounds 40, 50, 65, 75: 5 bands; sexes F, M: 1 + 2 + 5 + 2 x 5 = 18 groups
        assertEquals(18, k.path("whoCategories").path("groups").size());
        JsonNode first = k.path("whoCategories").path("groups").get(0);
        assertEquals("ALL", first.path("sex").asText());
        assertEquals("ALL", first.path("ageBand").asText());
        List<String> bands = new ArrayList<>();
        k.path("whoCategories").path("groups").forEach(g -> {
            if (g.path("sex").asText().equals("ALL") && !g.path("ageBand").asText().equals("ALL")) {
                bands.add(g.path("ageBand").asText());
            }
        });
        assertEquals(List.of("<40", "40-49", "50-64", "65-74", "75+"), bands);
        assertTrue(k.has("onwardReferralPercent"));
        assertEquals(List.of("patients", "withFurtherInvestigation"), names(k.path("onwardReferral")));
    }

    @Test
    void csvIsTextCsvWithOneFigureARow() {
        Http.Document d = http.getDocument("/api/kpi?" + PERIOD + "&format=csv");
        assertEquals(200, d.status());
        assertTrue(d.contentType().startsWith("text/csv"), d.contentType());
        String[] lines = new String(d.body(), StandardCharsets.UTF_8).split("\r\n");
        assertEquals("kpi,group,key,value", lines[0]);
        assertEquals("period.from,,," + TODAY.minusDays(1), lines[1]);
        assertTrue(List.of(lines).contains("waitingTimes.targetDays,,,42"), String.join("\n", lines));
        assertTrue(List.of(lines).contains("whoCategories.count,F/75+,OSTEOPOROSIS,0"), String.join("\n", lines));
    }

    @Test
    void aMissingOrBadDateOrFromAfterToIsA400NamingTheField() {
        assertBad("/api/kpi?to=2026-03-31", "from");
        assertBad("/api/kpi?from=2026-03-01", "to");
        assertBad("/api/kpi?from=2026-02-30&to=2026-03-31", "from");
        assertBad("/api/kpi?from=2026-03-01&to=31/03/2026", "to");
        assertBad("/api/kpi?from=2026-04-01&to=2026-03-31", "from (2026-04-01) must not be after to");
        assertBad("/api/kpi?from=2026-03-01&to=2026-03-31&format=xml", "format");
        // the CSV answers its 400s as JSON too
        Http.Document d = http.getDocument("/api/kpi?from=2026-04-01&to=2026-03-31&format=csv");
        assertEquals(400, d.status());
        assertTrue(d.contentType().startsWith("application/json"), d.contentType());
        assertTrue(new String(d.body(), StandardCharsets.UTF_8).contains("must not be after"));
    }

    @Test
    void theCallerSignsInAndNeedsARoleThatMayReadTheService() {
        assertEquals(401, http.anonymous().get("/api/kpi?" + PERIOD).status());
        assertEquals(401, http.anonymous().getDocument("/api/kpi?" + PERIOD + "&format=csv").status());
        assertEquals(403, http.as("engineer").get("/api/kpi?" + PERIOD).status());
        assertEquals(403, http.as("engineer").getDocument("/api/kpi?" + PERIOD + "&format=csv").status());
        for (String role : List.of("operator", "practitioner", "reporter", "admin")) {
            assertEquals(200, http.as(role).get("/api/kpi?" + PERIOD).status(), role);
        }
    }

    private static void assertBad(String path, String field) {
        Http.Reply r = http.get(path);
        assertEquals(400, r.status(), path);
        assertTrue(r.json().path("error").asText().startsWith(field), path + ": " + r.json());
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
