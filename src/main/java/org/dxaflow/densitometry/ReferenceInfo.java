package org.dxaflow.densitometry;

import java.math.BigDecimal;

/** The reference band a score was computed against, as shown in the result: {name, mean, sd}. */
public record ReferenceInfo(String name, BigDecimal mean, BigDecimal sd, Manufacturer scale, String citation) {
    static ReferenceInfo of(ReferencePopulation p) {
        return p == null ? null : new ReferenceInfo(p.name(), p.mean(), p.sd(), p.scale(), p.citation());
    }
}
