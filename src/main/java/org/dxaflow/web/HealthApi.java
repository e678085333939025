package org.dxaflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /api/health}: UP (200) only when every check passes — listeners accepting, broker
 * active, database reachable — else DOWN (503) with the failing checks named. {@code warnings} lists
 * configuration still on shipped defaults that a service must replace (e.g. LSC not measured on its devices).
 */
public final class HealthApi {

    private final Map<String, BooleanSupplier> checks;
    private final Supplier<List<String>> warnings;
    private final ObjectMapper json;
    /** Hot reload's last failure, shown as {@code "reload"}; never makes the engine DOWN (the old version runs). */
    private final Supplier<Map<String, Object>> reload;

    /** @param warnings configuration an operator should know is not yet the service's own; shown, never DOWN */
    public HealthApi(Map<String, BooleanSupplier> checks, Supplier<List<String>> warnings, ObjectMapper json) {
        this.checks = Map.copyOf(checks);
        this.warnings = warnings;
        this.json = json;
        this.reload = null;
    }

    /** @param reload what hot reload shows (its last failure), under {@code "reload"} */
    public HealthApi(Map<String, BooleanSupplier> checks, Supplier<List<String>> warnings, ObjectMapper json,
            Supplier<Map<String, Object>> reload) {
        this.checks = Map.copyOf(checks);
        this.warnings = warnings;
        this.json = json;
        this.reload = reload;
    }

    public ApiResponse health() {
        Map<String, String> results = new LinkedHashMap<>();
        boolean up = true;
        for (var e : new java.util.TreeMap<>(checks).entrySet()) {
            boolean ok;
            try {
                ok = e.getValue().getAsBoolean();
            } catch (RuntimeException ex) {
                ok = false;
            }
            results.put(e.getKey(), ok ? "UP" : "DOWN");
            up &= ok;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", results);
        body.put("warnings", warnings.get());
        if (reload != null) {
            body.put("reload", reload.get());
        }
        return ApiResponse.json(json, up ? 200 : 503, body);
    }
}
