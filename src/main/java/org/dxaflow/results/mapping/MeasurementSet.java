package org.dxaflow.results.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Measurement;
import org.dxaflow.densitometry.Site;

/**
 * Collects mapped values into one {@link Measurement} per site and side. The same quantity sent
 * twice for one region with different values is a problem (which is right?), never a silent pick.
 */
final class MeasurementSet {

    private record Region(Site site, Laterality laterality) {
    }

    private record Value(BigDecimal value, String where) {
    }

    private final Map<Region, Map<Quantity, Value>> regions = new LinkedHashMap<>();
    private final List<String> problems;

    MeasurementSet(List<String> problems) {
        this.problems = problems;
    }

    void add(Site site, Laterality laterality, Quantity quantity, BigDecimal value, String where) {
        Map<Quantity, Value> q = regions.computeIfAbsent(new Region(site, laterality),
                r -> new EnumMap<>(Quantity.class));
        Value existing = q.get(quantity);
        if (existing == null) {
            q.put(quantity, new Value(value, where));
        } else if (existing.value().compareTo(value) != 0) {
            problems.add(quantity + " at " + label(site, laterality) + " is sent twice with different values: "
                    + existing.value().toPlainString() + " (" + existing.where() + ") and " + value.toPlainString()
                    + " (" + where + ")");
        }
    }

    boolean isEmpty() {
        return regions.isEmpty();
    }

    List<Measurement> measurements() {
        List<Measurement> out = new ArrayList<>();
        regions.forEach((r, q) -> out.add(new Measurement(r.site(), r.laterality(), v(q, Quantity.BMD),
                v(q, Quantity.BMC), v(q, Quantity.AREA), v(q, Quantity.T_SCORE), v(q, Quantity.Z_SCORE))));
        return out;
    }

    private static BigDecimal v(Map<Quantity, Value> q, Quantity k) {
        Value v = q.get(k);
        return v == null ? null : v.value();
    }

    static String label(Site site, Laterality laterality) {
        return Objects.toString(site) + (laterality == null ? "" : " " + laterality);
    }

    /** Midline regions have no side (ISCD spine; total body). */
    static boolean isMidline(Site site) {
        return site.isLumbar() || site == Site.TOTAL_BODY;
    }
}
