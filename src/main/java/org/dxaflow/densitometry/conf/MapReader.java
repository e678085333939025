package org.dxaflow.densitometry.conf;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed, validating access to one YAML mapping. Every failed read records "file:line: message" in
 * {@link ConfigErrors} and returns null, so the loader keeps going and reports all problems at once.
 */
final class MapReader {

    private final YamlNode.MapNode node;
    private final ConfigErrors errors;

    private MapReader(YamlNode.MapNode node, ConfigErrors errors) {
        this.node = node;
        this.errors = errors;
    }

    /** Null (with an error recorded) when the node is not a mapping. */
    static MapReader of(YamlNode n, String what, ConfigErrors errors) {
        if (n instanceof YamlNode.MapNode m) {
            return new MapReader(m, errors);
        }
        if (n != null) {
            errors.add(n.where(), what + " must be a mapping");
        }
        return null;
    }

    String where() {
        return node.where();
    }

    String where(String key) {
        YamlNode v = node.entries().get(key);
        return v == null ? node.where() : v.where();
    }

    boolean has(String key) {
        YamlNode v = node.entries().get(key);
        return v != null && !(v instanceof YamlNode.ScalarNode s && s.text() == null);
    }

    void onlyKeys(Set<String> allowed) {
        for (Map.Entry<String, YamlNode> e : node.entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                errors.add(e.getValue().where(), "unknown key '" + e.getKey() + "' (allowed: " + allowed + ")");
            }
        }
    }

    String string(String key) {
        YamlNode v = required(key);
        if (v instanceof YamlNode.ScalarNode s && s.text() != null && !s.text().isBlank()) {
            return s.text().trim();
        }
        if (v != null) {
            errors.add(v.where(), "'" + key + "' must be a non-empty text");
        }
        return null;
    }

    String optionalString(String key) {
        return has(key) ? string(key) : null;
    }

    BigDecimal decimal(String key) {
        YamlNode v = required(key);
        if (v instanceof YamlNode.ScalarNode s && s.number()) {
            return new BigDecimal(s.text());
        }
        if (v != null) {
            errors.add(v.where(), "'" + key + "' must be a number");
        }
        return null;
    }

    BigDecimal positiveDecimal(String key) {
        BigDecimal d = decimal(key);
        if (d != null && d.signum() <= 0) {
            errors.add(where(key), "'" + key + "' must be greater than 0, was " + d.toPlainString());
            return null;
        }
        return d;
    }

    Integer integer(String key, int min, int max) {
        BigDecimal d = decimal(key);
        if (d == null) {
            return null;
        }
        if (d.stripTrailingZeros().scale() > 0 || d.compareTo(BigDecimal.valueOf(min)) < 0
                || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            errors.add(where(key), "'" + key + "' must be a whole number from " + min + " to " + max);
            return null;
        }
        return d.intValue();
    }

    <E> E enumValue(String key, Function<String, Optional<E>> parser, String allowed) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        Optional<E> value = parser.apply(text);
        if (value.isEmpty()) {
            errors.add(where(key), "'" + key + "' has unknown value '" + text + "' (allowed: " + allowed + ")");
        }
        return value.orElse(null);
    }

    List<YamlNode> list(String key) {
        YamlNode v = required(key);
        if (v instanceof YamlNode.ListNode l) {
            return l.items();
        }
        if (v != null) {
            errors.add(v.where(), "'" + key + "' must be a list");
        }
        return List.of();
    }

    MapReader map(String key) {
        YamlNode v = required(key);
        return v == null ? null : of(v, "'" + key + "'", errors);
    }

    Map<String, YamlNode> entries() {
        return node.entries();
    }

    private YamlNode required(String key) {
        YamlNode v = node.entries().get(key);
        if (v == null || (v instanceof YamlNode.ScalarNode s && s.text() == null)) {
            errors.add(v == null ? node.where() : v.where(), "missing required key '" + key + "'");
            return null;
        }
        return v;
    }
}
