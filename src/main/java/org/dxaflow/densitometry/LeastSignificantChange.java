package org.dxaflow.densitometry;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Least significant change per region (g/cm²), keyed by the region label: a site's external name
 * ("FEMORAL_NECK", "L1-L4") or a spine combination ("L1,L2,L4"). ISCD: each centre measures its own
 * precision, and after excluding vertebrae the LSC for that combination has to be derived again
 * (ISCD 2023), so a missing key means "no LSC configured", never a borrowed value.
 */
public record LeastSignificantChange(String name, String citation, Map<String, BigDecimal> values, String source) {

    public LeastSignificantChange {
        values = Map.copyOf(values);
    }

    public Optional<BigDecimal> forRegion(String label) {
        return Optional.ofNullable(values.get(label));
    }

    /** A change is significant when its magnitude reaches the LSC (|Δ| ≥ LSC, ISCD 95 % confidence). */
    public static boolean isSignificant(BigDecimal delta, BigDecimal lsc) {
        return delta.abs().compareTo(lsc) >= 0;
    }
}
