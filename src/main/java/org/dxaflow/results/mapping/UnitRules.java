package org.dxaflow.results.mapping;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.dxaflow.conf.ConfNode;

/**
 * Which units a mapping accepts per quantity, each with the factor to the canonical unit (BMD
 * g/cm², BMC g, area cm²): {@code BMD: {g/cm2: 1, mg/cm2: 0.001}}. A score may accept {@code any}
 * (dimensionless; senders write "1", "{T-score}" or nothing). Any other unit is an error, never a
 * silent number in the wrong unit.
 */
final class UnitRules {

    private final Map<Quantity, Map<String, BigDecimal>> factors;
    private final Map<Quantity, Boolean> anyUnit;

    private UnitRules(Map<Quantity, Map<String, BigDecimal>> factors, Map<Quantity, Boolean> anyUnit) {
        this.factors = factors;
        this.anyUnit = anyUnit;
    }

    static UnitRules read(ConfNode units) {
        Map<Quantity, Map<String, BigDecimal>> factors = new EnumMap<>(Quantity.class);
        Map<Quantity, Boolean> any = new EnumMap<>(Quantity.class);
        for (var e : units.entries().entrySet()) {
            Optional<Quantity> q = Quantity.parse(e.getKey());
            ConfNode v = e.getValue();
            if (q.isEmpty()) {
                v.problem("unknown quantity '" + e.getKey() + "' (" + Quantity.NAMES + ")");
            } else if (v.isScalar() && v.text().equals("any")) {
                any.put(q.get(), true);
            } else {
                Map<String, BigDecimal> f = new LinkedHashMap<>();
                v.entries().forEach((unit, factor) -> f.put(unit, factor.decimal()));
                factors.put(q.get(), f);
            }
        }
        for (Quantity q : Quantity.values()) {
            if (units.isMap() && !factors.containsKey(q) && !any.containsKey(q)) {
                units.problem("no units given for " + q + " (e.g. BMD: {g/cm2: 1}; scores may be 'any')");
            }
        }
        return new UnitRules(factors, any);
    }

    /**
     * The value in the canonical unit, or empty when the unit is not accepted. {@code unit} is the
     * unit code as sent (UCUM code value or OBX-6 identifier), null or "" when none was sent.
     */
    Optional<BigDecimal> toCanonical(Quantity q, BigDecimal value, String unit) {
        if (anyUnit.getOrDefault(q, false)) {
            return Optional.of(value);
        }
        BigDecimal factor = factors.getOrDefault(q, Map.of()).get(unit == null ? "" : unit.trim());
        return factor == null ? Optional.empty() : Optional.of(value.multiply(factor));
    }

    String accepted(Quantity q) {
        return anyUnit.getOrDefault(q, false) ? "any" : String.valueOf(factors.getOrDefault(q, Map.of()).keySet());
    }
}
