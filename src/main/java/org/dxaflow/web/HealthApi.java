package org.dxaflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /api/health}: UP (200) only when every check passes — listeners accepting, broker
 * active, database reachable — else DOWN (503) with the failing checks named.
 */
public final class HealthApi {

    private final Map<String, BooleanSupplier> checks;
    private final ObjectMapper json;

    public HealthApi(Map<String, BooleanSupplier> checks, ObjectMapper json) {
        this.checks = Map.copyOf(checks);
        this.json = json;
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
        try {
            return new ApiResponse(up ? 200 : 503, json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            return ApiResponse.error(500, e.getMessage());
        }
    }
}
