package org.dxaflow.app;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.dxaflow.report.Destination;
import org.dxaflow.report.DeliveryStore;
import org.dxaflow.ris.RisOutboxStore;
import org.dxaflow.store.Jdbc;

/**
 * What {@code GET /api/health?detail=true} shows of each part, for an engineer: the listeners,
 * broker and database (UP/DOWN, as the engine's own checks find them), and each outbound
 * destination — last success, last failure and its error, backlog — read from the {@code delivery}
 * tables and the RIS status outbox. A destination is DOWN when its latest attempt failed, DEGRADED
 * when it works but deliveries wait to be retried or are dead, UP otherwise, OFF when not configured.
 * An outbound destination never makes the engine DOWN: the engine still takes orders and scans,
 * and the deliveries wait.
 */
final class HealthParts {

    static final String UP = "UP";
    static final String DOWN = "DOWN";
    static final String DEGRADED = "DEGRADED";
    static final String OFF = "OFF";

    private final Map<String, BooleanSupplier> checks;
    private final Jdbc jdbc;
    private final EmbeddedBroker broker;
    private final Map<Destination, Boolean> configured;
    private final boolean risStatusEnabled;
    private final java.time.Clock clock;

    /**
     * @param broker the embedded broker, null with an external one
     * @param configured which destinations have a host or URL set (as ReportsModule decides)
     */
    HealthParts(Map<String, BooleanSupplier> checks, Jdbc jdbc, EmbeddedBroker broker,
                Map<Destination, Boolean> configured, boolean risStatusEnabled, java.time.Clock clock) {
        this.clock = clock;
        this.checks = new LinkedHashMap<>(checks);
        this.jdbc = jdbc;
        this.broker = broker;
        this.configured = new EnumMap<>(configured);
        this.risStatusEnabled = risStatusEnabled;
    }

    /** Which destinations are on: the keys ReportsModule reads. */
    static Map<Destination, Boolean> configured(DxaflowConfig config) {
        Map<Destination, Boolean> on = new EnumMap<>(Destination.class);
        on.put(Destination.PACS, !config.get("dxaflow.pacs.host", "").isBlank());
        on.put(Destination.RIS, !config.get("dxaflow.ris.host", "").isBlank());
        on.put(Destination.GP_HL7, !config.get("dxaflow.gp.hl7.host", "").isBlank());
        on.put(Destination.GP_FHIR, !config.get("dxaflow.gp.fhir.url", "").isBlank());
        return on;
    }

    Map<String, Object> parts() {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("hl7Listener", part(check("hl7Listener")));
        parts.put("dicomListener", part(check("dicomListener")));
        parts.put("routes", part(check("routes")));
        boolean database = check("database");
        parts.put("database", part(database));
        parts.put("broker", broker());
        if (database) {
            parts.put("destinations", destinations());
            parts.put("risStatusOutbox", risOutbox());
        }
        return parts;
    }

    private boolean check(String name) {
        BooleanSupplier c = checks.get(name);
        try {
            return c != null && c.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Map<String, Object> part(boolean up) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("status", up ? UP : DOWN);
        return p;
    }

    private Map<String, Object> broker() {
        Map<String, Object> p = part(check("broker"));
        p.put("embedded", broker != null);
        if (broker != null && broker.isActive()) {
            Map<String, Long> queues = new TreeMap<>();
            QueueGauges.QUEUES.forEach(q -> queues.put(q, Math.max(0, broker.messageCount(q))));
            long dead = 0;
            for (String dlq : QueueGauges.DEAD_LETTER_QUEUES) {
                long n = Math.max(0, broker.messageCount(dlq));
                queues.put(dlq, n);
                dead += n;
            }
            p.put("queues", queues);
            p.put("deadLetters", dead);
            if (dead > 0) {
                // working, but messages need a person
                p.put("status", DEGRADED);
            }
        }
        return p;
    }

    private record Attempts(String destination, Instant lastSuccess, Instant lastFailure) {
    }

    private Map<String, Object> destinations() {
        Map<String, Attempts> attempts = new TreeMap<>();
        jdbc.query("SELECT d.destination, MAX(CASE WHEN a.outcome = 'DELIVERED' THEN a.finished_at END),"
                + " MAX(CASE WHEN a.outcome <> 'DELIVERED' THEN a.finished_at END)"
                + " FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id GROUP BY d.destination",
                rs -> new Attempts(rs.getString(1), instant(rs, 2), instant(rs, 3)))
                .forEach(a -> attempts.put(a.destination(), a));
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        jdbc.query("SELECT destination, status, COUNT(*) FROM delivery GROUP BY destination, status",
                rs -> Map.entry(rs.getString(1) + " " + rs.getString(2), rs.getLong(3)))
                .forEach(e -> {
                    String[] k = e.getKey().split(" ", 2);
                    counts.computeIfAbsent(k[0], x -> new TreeMap<>()).put(k[1], e.getValue());
                });
        Map<String, Object> out = new LinkedHashMap<>();
        for (Destination d : Destination.values()) {
            Map<String, Object> p = new LinkedHashMap<>();
            boolean on = configured.getOrDefault(d, false);
            Attempts a = attempts.get(d.name());
            Map<String, Long> c = counts.getOrDefault(d.name(), Map.of());
            long backlog = c.getOrDefault(DeliveryStore.PENDING, 0L) + c.getOrDefault(DeliveryStore.QUEUED, 0L)
                    + c.getOrDefault(DeliveryStore.FAILED, 0L);
            long retrying = c.getOrDefault(DeliveryStore.FAILED, 0L);
            long dead = c.getOrDefault(DeliveryStore.DEAD, 0L);
            Instant success = a == null ? null : a.lastSuccess();
            Instant failure = a == null ? null : a.lastFailure();
            String status;
            if (!on) {
                status = OFF;
            } else if (failure != null && (success == null || failure.isAfter(success))) {
                status = DOWN;
            } else if (retrying > 0 || dead > 0) {
                status = DEGRADED;
            } else {
                status = UP;
            }
            p.put("status", status);
            p.put("configured", on);
            p.put("lastSuccess", success == null ? null : success.toString());
            p.put("lastFailure", failure == null ? null : failure.toString());
            p.put("lastError", failure == null ? null : lastError(d));
            p.put("backlog", backlog);
            p.put("dead", dead);
            out.put(d.name(), p);
        }
        return out;
    }

    /** The error of the latest failed attempt: the channel's own words (connection refused, HTTP 500, AE). */
    private String lastError(Destination d) {
        return jdbc.queryOne("SELECT a.error_text FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id"
                + " WHERE d.destination = ? AND a.outcome <> 'DELIVERED' ORDER BY a.finished_at DESC, a.attempt DESC"
                + " FETCH FIRST 1 ROWS ONLY", rs -> rs.getString(1), d.name()).orElse(null);
    }

    private Map<String, Object> risOutbox() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("enabled", risStatusEnabled);
        record Row(long waiting, Instant oldestQueued, Instant lastDelivered) {
        }
        Row r = jdbc.queryOne("SELECT SUM(CASE WHEN state IN ('" + RisOutboxStore.PENDING + "', '"
                        + RisOutboxStore.QUEUED + "') THEN 1 ELSE 0 END),"
                        + " MIN(CASE WHEN state = '" + RisOutboxStore.QUEUED + "' THEN queued_at END),"
                        + " MAX(delivered_at) FROM ris_outbox",
                rs -> new Row(rs.getLong(1), instant(rs, 2), instant(rs, 3))).orElse(new Row(0, null, null));
        // the RIS link retries on the broker, which records no failure: a message queued for over a
        // minute is the sign the RIS is not answering
        boolean stuck = r.oldestQueued() != null && r.oldestQueued().isBefore(clock.instant().minusSeconds(60));
        p.put("status", !risStatusEnabled ? OFF : stuck ? DEGRADED : UP);
        p.put("backlog", r.waiting());
        p.put("oldestQueued", r.oldestQueued() == null ? null : r.oldestQueued().toString());
        p.put("lastSuccess", r.lastDelivered() == null ? null : r.lastDelivered().toString());
        return p;
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
