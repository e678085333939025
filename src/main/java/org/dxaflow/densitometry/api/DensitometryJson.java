package org.dxaflow.densitometry.api;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The Jackson mapper for the densitometry request/response. Decimals are written plainly (0.030,
 * never 3.0E-2) and as given, so the JSON shows the same digits the engine computed with.
 */
public final class DensitometryJson {
    private DensitometryJson() {
    }

    public static JsonMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }
}
