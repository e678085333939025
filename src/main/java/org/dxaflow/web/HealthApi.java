package org.dxaflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /api/health}: UP (200) only when every check passes — listeners accepting, broker
 * active, database reachable — else DOWN (503). Without credentials that is all it says
 * ({@link #health}): a load balancer or monitor needs no more, and the parts tell an attacker what
 * to aim at. {@code ?detail=true} (engineers and admins, routes/api.camel.yaml) adds each check,
 * each part ({@code parts}: listeners, broker, database, outbound destinations), {@code warnings} —
 * configuration still on shipped defaults that a service must replace (e.g. LSC not measured on
 * its devices) — and hot reload's last failure ({@link #detail}).
 */
public final class HealthApi {

    private final Map<String, BooleanSupplier> checks;
    private final Supplier<List<String>> warnings;
    private final ObjectMapper json;
    /** Hot reload's last failure, shown as {@code "reload"}; never makes the engine DOWN (the old version runs). */
    private final Supplier<Map<String, Object>> reload;
    /** Each part's state for the detail view (an engineer's); never makes the engine DOWN. */
    private final Supplier<Map<String, Object>> parts;

    /** @param warnings configuration an operator should know is not yet the service's own; shown, never DOWN */
    public HealthApi(Map<String, BooleanSupplier> checks, Supplier<List<String>> warnings, ObjectMapper json) {
        this.checks = Map.copyOf(checks);
        this.warnings = warnings;
        this.json = json;
        this.reload = null;
        this.parts = Map::of;
    }

    /** @param reload what hot reload shows (its last failure), under {@code "reload"} */
    public HealthApi(Map<String, BooleanSupplier> checks, Supplier<List<String>> warnings, ObjectMapper json,
            Supplier<Map<String, Object>> reload) {
        this(checks, warnings, json, reload, Map::of);
    }

    /** @param parts each part's state (listeners, broker, database, destinations), under {@code "parts"} */
    public HealthApi(Map<String, BooleanSupplier> checks, Supplier<List<String>> warnings, ObjectMapper json,
            Supplier<Map<String, Object>> reload, Supplier<Map<String, Object>> parts) {
        this.checks = Map.copyOf(checks);
        this.warnings = warnings;
        this.json = json;
        this.reload = reload;
        this.parts = parts;
    }

    /** The open answer: only {@code {"status":"UP"}} (200) or DOWN (503). */
    public ApiResponse health() {
        boolean up = run().values().stream().allMatch("UP"::equals);
        return ApiResponse.json(json, up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN"));
    }

    /** For engineers: the status and everything behind it. */
    public ApiResponse detail() {
        Map<String, String> results = run();
        boolean up = results.values().stream().allMatch("UP"::equals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", results);
        Map<String, Object> p;
        try {
            p = parts.get();
        } catch (RuntimeException e) {
            // the database failing is already a DOWN check; the parts it could not read are left out
            p = Map.of("error", String.valueOf(e.getMessage()));
        }
        body.put("parts", p);
        body.put("warnings", warnings.get());
        if (reload != null) {
            body.put("reload", reload.get());
        }
        return ApiResponse.json(json, up ? 200 : 503, body);
    }

    private Map<String, String> run() {
        Map<String, String> results = new LinkedHashMap<>();
        for (var e : new java.util.TreeMap<>(checks).entrySet()) {
            boolean ok;
            try {
                ok = e.getValue().getAsBoolean();
            } catch (RuntimeException ex) {
                ok = false;
            }
            results.put(e.getKey(), ok ? "UP" : "DOWN");
        }
        return results;
    }
}
