package org.dxaflow.densitometry;

import java.math.BigDecimal;

/** (BMD − mean) / SD against one reference band; the shared arithmetic of T- and Z-scores. */
final class StandardScore {
    private StandardScore() {
    }

    static BigDecimal of(BigDecimal bmdOnReferenceScale, ReferencePopulation reference) {
        return bmdOnReferenceScale.subtract(reference.mean()).divide(reference.sd(), Rounding.MC);
    }
}
