package org.dxaflow.results.mapping;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dxaflow.conf.ConfNode;
import org.dxaflow.hl7.Er7Message;
import org.dxaflow.hl7.FieldPath;

/**
 * Where an ORU mapping finds one value: a field path ({@code OBR-18}, {@code PID-3[5=MR]-1}) or the
 * OBX whose OBX-3 is a given code ({@code observation: {code, scheme}}; OBX-5, with
 * {@code units: {cm: 1, m: 100}} for numbers, OBX-6 giving the unit).
 */
final class OruSource {

    private final FieldPath path;
    private final CodeRef observation;
    private final Map<String, BigDecimal> units;

    private OruSource(FieldPath path, CodeRef observation, Map<String, BigDecimal> units) {
        this.path = path;
        this.observation = observation;
        this.units = units;
    }

    /** On a problem (reported) the source reads nothing; the load fails, so it is never used. */
    static OruSource read(ConfNode n) {
        if (n.isScalar() || n.has("field")) {
            String text = n.isScalar() ? n.nonBlank() : n.nonBlank("field");
            if (!n.isScalar()) {
                n.finish();
            }
            try {
                return new OruSource(FieldPath.parse(text), null, null);
            } catch (IllegalArgumentException e) {
                n.problem(e.getMessage());
                return new OruSource(null, null, null);
            }
        }
        CodeRef code = CodeRef.readOnly(n.get("observation"));
        Map<String, BigDecimal> units = null;
        if (n.has("units")) {
            units = new LinkedHashMap<>();
            for (var e : n.get("units").entries().entrySet()) {
                units.put(e.getKey(), e.getValue().decimal());
            }
        }
        n.finish();
        return new OruSource(null, code, units);
    }

    boolean isObservation(Er7Message.Segment obx) {
        return observation != null && observation.matches(obx.value(3, 1), obx.value(3, 3));
    }

    /** The text at this source, or null. */
    String text(Er7Message message) {
        if (path != null) {
            return path.value(message.segments()).orElse(null);
        }
        return message.all("OBX").stream().filter(this::isObservation).map(s -> s.value(5)).filter(v -> !v.isEmpty())
                .findFirst().orElse(null);
    }

    void collect(HeaderField field, Er7Message message, HeaderValues values, List<String> problems) {
        if (path != null || units == null) {
            values.putText(field, text(message));
            return;
        }
        message.all("OBX").stream().filter(this::isObservation).findFirst().ifPresent(obx -> {
            String v = obx.value(5);
            if (v.isEmpty()) {
                return;
            }
            String unit = obx.value(6, 1);
            if (!units.containsKey(unit)) {
                problems.add(field.key() + ": OBX " + obx.value(1) + " has units '" + unit + "', accepted " + units.keySet());
                return;
            }
            try {
                values.putNumber(field, new BigDecimal(v).multiply(units.get(unit)));
            } catch (NumberFormatException e) {
                problems.add(field.key() + ": OBX " + obx.value(1) + " value '" + v + "' is not a number");
            }
        });
    }
}
