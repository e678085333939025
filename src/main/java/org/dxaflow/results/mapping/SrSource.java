package org.dxaflow.results.mapping;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.dxaflow.conf.ConfNode;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.Dictionary;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.sr.SrItem;

/**
 * Where an SR mapping finds one scan detail: a top-level attribute ({@code Manufacturer},
 * {@code (0010,1020)}, with a {@code factor}: PatientSize is in metres) or the first content item
 * with a concept name ({@code item: {code, scheme}}; TEXT, CODE meaning, DATE, or NUM with
 * {@code units: {cm: 1, m: 100}}).
 */
final class SrSource {

    private final Integer tag;
    private final BigDecimal factor;
    private final CodeRef item;
    private final Map<String, BigDecimal> units;
    private final String describe;

    private SrSource(Integer tag, BigDecimal factor, CodeRef item, Map<String, BigDecimal> units, String describe) {
        this.tag = tag;
        this.factor = factor;
        this.item = item;
        this.units = units;
        this.describe = describe;
    }

    static SrSource read(ConfNode n) {
        if (n.isScalar()) {
            return new SrSource(tag(n, n.nonBlank()), null, null, null, n.text());
        }
        if (n.has("attribute")) {
            String name = n.nonBlank("attribute");
            BigDecimal factor = n.has("factor") ? n.decimal("factor") : null;
            n.finish();
            return new SrSource(tag(n, name), factor, null, null, name);
        }
        CodeRef code = CodeRef.readOnly(n.get("item"));
        Map<String, BigDecimal> units = null;
        if (n.has("units")) {
            units = new LinkedHashMap<>();
            for (var e : n.get("units").entries().entrySet()) {
                units.put(e.getKey(), e.getValue().decimal());
            }
        }
        n.finish();
        return new SrSource(null, null, code, units, "item " + code);
    }

    /** Null (reported) when the name is no attribute: the load fails, so the source is never used. */
    private static Integer tag(ConfNode n, String name) {
        Tag t = Dictionary.forKeyword(name);
        if (t != null) {
            return t.value();
        }
        try {
            return Tag.parse(name);
        } catch (IllegalArgumentException e) {
            n.problem("'" + name + "' is neither a known attribute keyword nor a tag like (0010,1020)");
            return null;
        }
    }

    boolean isItem(SrItem candidate) {
        return item != null && item.matches(candidate.name());
    }

    /** Puts this source's value, if the object has one, into {@code values}. */
    void collect(HeaderField field, Attributes dataSet, SrItem root, HeaderValues values, java.util.List<String> problems) {
        if (tag != null) {
            String[] v = dataSet.getStrings(tag);
            if (v.length == 0 || String.join("", v).isBlank()) {
                return;
            }
            String text = String.join("\\", v);
            if (factor != null) {
                try {
                    values.putNumber(field, new BigDecimal(v[0].trim()).multiply(factor));
                } catch (NumberFormatException e) {
                    problems.add(field.key() + " in " + describe + " is not a number: '" + v[0] + "'");
                }
            } else {
                values.putText(field, text);
            }
            return;
        }
        find(root).ifPresent(i -> {
            if (i.isNum()) {
                if (i.number() == null) {
                    return;
                }
                String unit = i.unit() == null ? "" : i.unit().code();
                if (units == null) {
                    values.putNumber(field, i.number());
                } else if (units.containsKey(unit)) {
                    values.putNumber(field, i.number().multiply(units.get(unit)));
                } else {
                    problems.add(field.key() + ": " + i.describe() + " has units '" + unit + "', accepted "
                            + units.keySet());
                }
            } else if (i.code() != null) {
                values.putText(field, i.code().meaning().isEmpty() ? i.code().code() : i.code().meaning());
            } else {
                values.putText(field, i.text());
            }
        });
    }

    private Optional<SrItem> find(SrItem at) {
        if (isItem(at)) {
            return Optional.of(at);
        }
        for (SrItem c : at.children()) {
            Optional<SrItem> f = find(c);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }
}
