package org.dxaflow.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * {@code GET /metrics} (routes/metrics.camel.yaml): the engine's figures in Prometheus text
 * format. Open by default, as a scraper on the monitoring network expects; with
 * {@code dxaflow.metrics.key} set, only a request carrying {@code Authorization: Bearer <key>}
 * gets them (Prometheus' {@code authorization} / {@code bearer_token} scrape settings send exactly
 * that), any other is 401. The key is taken from the header only, never from the query string,
 * where it would end up in proxies' access logs. The REST API's users and roles are not used here:
 * a scraper is not a person.
 */
public final class MetricsApi {

    /** The answer: status, content type and body, which the route copies onto the HTTP response. */
    public record Reply(int status, String contentType, String body) {
    }

    private final Supplier<String> scrape;
    private final String contentType;
    private final byte[] key;

    /** @param key the bearer key; empty or null leaves /metrics open */
    public MetricsApi(Supplier<String> scrape, String contentType, String key) {
        this.scrape = scrape;
        this.contentType = contentType;
        this.key = key == null || key.isBlank() ? null : key.trim().getBytes(StandardCharsets.UTF_8);
    }

    public Reply metrics(String authorization) {
        if (key != null && !authorized(authorization)) {
            return new Reply(401, "text/plain; charset=utf-8", "metrics key required (Authorization: Bearer <key>)\n");
        }
        return new Reply(200, contentType, scrape.get());
    }

    private boolean authorized(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        // constant time, so the key cannot be guessed a byte at a time from response times
        return MessageDigest.isEqual(key, authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8));
    }
}
