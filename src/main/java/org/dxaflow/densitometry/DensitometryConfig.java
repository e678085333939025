package org.dxaflow.densitometry;

import java.util.Objects;

/** Everything the calculator needs from conf, loaded and validated by {@code ReferenceDataLoader}. */
public record DensitometryConfig(ReferenceData referenceData, DensitometrySettings settings, LeastSignificantChange lsc) {
    public DensitometryConfig {
        Objects.requireNonNull(referenceData);
        Objects.requireNonNull(settings);
        Objects.requireNonNull(lsc);
    }
}
