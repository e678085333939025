package org.dxaflow.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dxaflow.store.Jdbc;

/**
 * The figures whose truth is in the database: results, reports and deliveries by status (a cheap
 * GROUP BY), and, read forward from where the last scrape stopped, every justification decision
 * (by outcome and by the rules it met) and every report's turnaround from scan to first final
 * version. Read at most once per {@code cache} however often Prometheus scrapes; the decision and
 * turnaround counts start from the whole history at engine start, so a restart does not reset them.
 */
final class StoreGauges implements Runnable {

    /** Rows this far behind the high-water mark are read again: a transaction that took an id early may commit late. */
    private static final int OVERLAP = 200;

    private final Jdbc jdbc;
    private final MeterRegistry registry;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration cache;
    private final MultiGauge results;
    private final MultiGauge reports;
    private final MultiGauge deliveries;
    private final MultiGauge attempts;
    private final Timer turnaround;
    private final Window decisionsSeen = new Window();
    private final Window finalsSeen = new Window();
    private long decisionMark;
    private Instant finalMark = Instant.EPOCH;
    private Instant readAt;

    StoreGauges(Jdbc jdbc, MeterRegistry registry, ObjectMapper json, Clock clock, Duration cache) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.json = json;
        this.clock = clock;
        this.cache = cache;
        this.results = MultiGauge.builder("dxaflow_results").description("Results held, by status")
                .register(registry);
        this.reports = MultiGauge.builder("dxaflow_reports").description("Reports, by the status of their latest version")
                .register(registry);
        this.deliveries = MultiGauge.builder("dxaflow_deliveries")
                .description("Report deliveries, by destination and status").register(registry);
        this.attempts = MultiGauge.builder("dxaflow_delivery_attempts")
                .description("Report delivery attempts made, by destination and outcome").register(registry);
        this.turnaround = Timer.builder("dxaflow_report_turnaround")
                .description("Scan (MPPS in progress, else result received) to the report's first final version")
                .serviceLevelObjectives(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(12),
                        Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(3), Duration.ofDays(7),
                        Duration.ofDays(14), Duration.ofDays(28), Duration.ofDays(42))
                .register(registry);
    }

    @Override
    public synchronized void run() {
        Instant now = clock.instant();
        if (readAt != null && now.isBefore(readAt.plus(cache))) {
            return;
        }
        readAt = now;
        results.register(rows("SELECT status, COUNT(*) FROM dxa_result GROUP BY status", "status"), true);
        reports.register(rows("SELECT status, COUNT(*) FROM report GROUP BY status", "status"), true);
        deliveries.register(rows("SELECT destination, status, COUNT(*) FROM delivery GROUP BY destination, status",
                "destination", "status"), true);
        attempts.register(rows("SELECT d.destination, a.outcome, COUNT(*) FROM delivery_attempt a"
                + " JOIN delivery d ON d.id = a.delivery_id GROUP BY d.destination, a.outcome",
                "destination", "outcome"), true);
        readDecisions();
        readFinals();
    }

    /** One gauge row per group: the label columns first, the count last. */
    private List<MultiGauge.Row<?>> rows(String sql, String... labels) {
        return new ArrayList<>(jdbc.query(sql, rs -> {
            Tags tags = Tags.empty();
            for (int i = 0; i < labels.length; i++) {
                tags = tags.and(labels[i], String.valueOf(rs.getString(i + 1)));
            }
            return MultiGauge.Row.of(tags, rs.getLong(labels.length + 1));
        }));
    }

    private record Decision(long id, String outcome, String mode, String body) {
    }

    private void readDecisions() {
        List<Decision> rows = jdbc.query("SELECT id, outcome, decided_by_mode, decision_json FROM justification_decision"
                        + " WHERE id > ? ORDER BY id",
                rs -> new Decision(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                Math.max(0, decisionMark - OVERLAP));
        for (Decision d : rows) {
            decisionMark = Math.max(decisionMark, d.id());
            if (!decisionsSeen.add(Long.toString(d.id()))) {
                continue;
            }
            Counter.builder("dxaflow_justification_decisions")
                    .description("Justification decisions, by outcome and by who decided (AUTO, PRACTITIONER)")
                    .tag("outcome", d.outcome()).tag("mode", d.mode()).register(registry).increment();
            for (String rule : rulesMet(d.body())) {
                Counter.builder("dxaflow_justification_rules_met")
                        .description("Justification criteria met, by rule and the decision's outcome"
                                + " (a decision meeting two rules counts under both)")
                        .tag("rule", rule).tag("outcome", d.outcome()).register(registry).increment();
            }
        }
    }

    /** The rules (criteria) that applied and were met; "none" when none was. Names come from conf/justification. */
    private Set<String> rulesMet(String body) {
        Set<String> met = new HashSet<>();
        try {
            for (JsonNode c : json.readTree(body).path("criteria")) {
                if (c.path("applicable").asBoolean() && "MET".equals(c.path("status").asText())) {
                    met.add(c.path("criterion").asText());
                }
            }
        } catch (java.io.IOException e) {
            met.clear();
        }
        return met.isEmpty() ? Set.of("none") : met;
    }

    private record FinalVersion(long reportId, Instant scanned, Instant finalAt) {
    }

    private void readFinals() {
        List<FinalVersion> rows = jdbc.query("SELECT v.report_id, s.scan_started_at, res.received_at,"
                        + " v.created_at FROM report_version v JOIN report r ON r.id = v.report_id"
                        + " JOIN dxa_result res ON res.id = r.result_id"
                        + " LEFT JOIN order_schedule s ON s.order_id = r.order_id"
                        + " WHERE v.status = 'FINAL' AND v.created_at >= ? ORDER BY v.created_at",
                rs -> new FinalVersion(rs.getLong(1), first(instant(rs, 2), instant(rs, 3)), instant(rs, 4)),
                finalMark.minus(Duration.ofMinutes(1)));
        for (FinalVersion f : rows) {
            if (f.finalAt() != null && f.finalAt().isAfter(finalMark)) {
                finalMark = f.finalAt();
            }
            // a report is final once: an amendment is AMENDED, never FINAL again
            if (f.scanned() == null || f.finalAt() == null || !finalsSeen.add(Long.toString(f.reportId()))) {
                continue;
            }
            Duration d = Duration.between(f.scanned(), f.finalAt());
            turnaround.record(d.isNegative() ? Duration.ZERO : d);
        }
    }

    private static Instant first(Instant a, Instant b) {
        return a != null ? a : b;
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** The keys counted lately, so the overlap re-read counts nothing twice; bounded, oldest forgotten. */
    private static final class Window {
        private static final int SIZE = 10_000;
        private final Set<String> keys = new HashSet<>();
        private final Deque<String> order = new ArrayDeque<>();

        boolean add(String key) {
            if (!keys.add(key)) {
                return false;
            }
            order.addLast(key);
            if (order.size() > SIZE) {
                keys.remove(order.removeFirst());
            }
            return true;
        }
    }
}
