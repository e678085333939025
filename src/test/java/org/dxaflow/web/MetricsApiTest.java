package org.dxaflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** /metrics is open without a key, and with one answers only its bearer. */
class MetricsApiTest {

    private static final String TYPE = "text/plain; version=0.0.4; charset=utf-8";

    @Test
    void withoutAKeyAnyoneMayScrape() {
        for (String key : new String[] {null, "", "  "}) {
            MetricsApi.Reply r = new MetricsApi(() -> "dxaflow_x 1.0\n", TYPE, key).metrics(null);
            assertEquals(200, r.status());
            assertEquals(TYPE, r.contentType());
            assertEquals("dxaflow_x 1.0\n", r.body());
        }
    }

    @Test
    void withAKeyOnlyItsBearerMayScrape() {
        MetricsApi api = new MetricsApi(() -> "dxaflow_x 1.0\n", TYPE, "s3cret");
        assertEquals(401, api.metrics(null).status());
        assertEquals(401, api.metrics("Bearer wrong").status());
        assertEquals(401, api.metrics("Bearer s3cre").status());
        assertEquals(401, api.metrics("Basic czNjcmV0").status());
        assertEquals(401, api.metrics("s3cret").status());
        assertEquals(200, api.metrics("Bearer s3cret").status());
        assertEquals(200, api.metrics("bearer  s3cret ").status());
    }
}
