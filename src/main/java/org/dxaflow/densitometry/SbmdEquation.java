package org.dxaflow.densitometry;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import java.util.Set;

/**
 * A published standardised-BMD (sBMD) equation for one manufacturer and region, in g/cm²:
 * {@code sBMD = intercept + slope × (BMD − center)}. The hip equations (Hui 1997 total hip,
 * Lu 2001 subregions) have center 0; the Hui 1997 spine equations are published centred on the
 * manufacturer's mean, so the centre is kept exactly as published rather than folded into the
 * intercept (folding would add rounding the paper did not have).
 */
public record SbmdEquation(
        Manufacturer manufacturer,
        Set<Site> sites,
        BigDecimal intercept,
        BigDecimal slope,
        BigDecimal center,
        String citation,
        String source) {

    public SbmdEquation {
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(intercept, "intercept");
        Objects.requireNonNull(slope, "slope");
        center = center == null ? BigDecimal.ZERO : center;
        sites = Set.copyOf(sites);
        if (slope.signum() <= 0) {
            throw new IllegalArgumentException("slope must be positive");
        }
    }

    public BigDecimal toStandardised(BigDecimal bmd, MathContext mc) {
        return intercept.add(slope.multiply(bmd.subtract(center), mc), mc);
    }

    public BigDecimal fromStandardised(BigDecimal sbmd, MathContext mc) {
        return center.add(sbmd.subtract(intercept).divide(slope, mc), mc);
    }

    /** Human-readable form for provenance, e.g. "sBMD = 0.939 × (BMD − 0) + -0.023". */
    public String describe() {
        String centred = center.signum() == 0 ? "BMD" : "(BMD − " + center.toPlainString() + ")";
        return manufacturer + ": sBMD = " + intercept.toPlainString() + " + " + slope.toPlainString() + " × " + centred;
    }
}
