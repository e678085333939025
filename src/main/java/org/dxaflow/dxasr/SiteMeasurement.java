package org.dxaflow.dxasr;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Site;

/**
 * The results at one measured site of one side, as one site CONTAINER of the result SR carries
 * them. Decimal values keep the digits the scanner reported (0.910 stays 0.910 in the SR's DS).
 *
 * @param side null for midline sites (spine, total body), required for paired ones
 * @param values BMD is required; BMC, area, T-score and Z-score are optional
 */
public record SiteMeasurement(Site site, Laterality side, Map<MeasurementKind, BigDecimal> values) {
    public SiteMeasurement {
        Objects.requireNonNull(site, "site");
        if (DxaSrCodes.isPaired(site) && side == null) {
            throw new IllegalArgumentException(site + " needs a side (LEFT or RIGHT)");
        }
        if (!DxaSrCodes.isPaired(site) && side != null) {
            throw new IllegalArgumentException(site + " has no side, got " + side);
        }
        if (!values.containsKey(MeasurementKind.BMD)) {
            throw new IllegalArgumentException(site + ": BMD is required");
        }
        values.values().forEach(v -> Objects.requireNonNull(v, "measurement value"));
        Map<MeasurementKind, BigDecimal> copy = new EnumMap<>(MeasurementKind.class);
        copy.putAll(values);
        values = java.util.Collections.unmodifiableMap(copy);
    }

    public static SiteMeasurement bmd(Site site, Laterality side, BigDecimal bmd) {
        return new SiteMeasurement(site, side, Map.of(MeasurementKind.BMD, bmd));
    }

    public BigDecimal bmd() {
        return values.get(MeasurementKind.BMD);
    }

    /** The value of a kind, or null when not measured. */
    public BigDecimal value(MeasurementKind kind) {
        return values.get(kind);
    }

    /** "L1-L4" or "FEMORAL_NECK:LEFT", the form the scanner-sim command line uses. */
    public String label() {
        return side == null ? site.externalName() : site.externalName() + ":" + side;
    }
}
