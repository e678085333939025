package org.dxaflow.justification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Builds the "data used" map of a {@link CriterionResult}; absent answers show as null, not hidden. */
final class Facts {

    private Facts() {
    }

    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value instanceof Optional<?> optional) {
                value = optional.orElse(null);
            }
            data.put((String) keysAndValues[i], value);
        }
        return data;
    }
}
