package org.dxaflow.densitometry;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** What a result was computed with, so it can be reproduced: datasets, LSC values used, engine, rounding. */
public record Provenance(
        List<ReferenceDataset> referenceDatasets,
        String lscSource,
        Map<String, BigDecimal> lscUsed,
        String engineVersion,
        String rounding) {

    public Provenance {
        referenceDatasets = List.copyOf(referenceDatasets);
        // key order is kept: it is the order the result lists its regions in
        lscUsed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lscUsed));
    }
}
