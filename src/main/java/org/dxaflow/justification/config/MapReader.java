package org.dxaflow.justification.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Schema-style reader over one YAML mapping. Every accessor records the key as known; {@link #finish()}
 * then reports the keys nobody asked for, which is how a misspelt threshold ("minYaers") is caught
 * instead of silently falling back to nothing. Problems are collected, never thrown one at a time;
 * on a problem the accessor returns a neutral value so reading can go on and find the next one.
 */
public final class MapReader {

    private final YamlNode.Mapping mapping;
    private final String path;
    private final Location location;
    private final ConfigProblems problems;
    private final Set<String> known = new HashSet<>();

    private MapReader(YamlNode.Mapping mapping, String path, Location location, ConfigProblems problems) {
        this.mapping = mapping;
        this.path = path;
        this.location = location;
        this.problems = problems;
    }

    /** Reader over the document root, which must be a mapping. */
    public static MapReader root(YamlNode node, ConfigProblems problems) {
        if (node instanceof YamlNode.Mapping m) {
            return new MapReader(m, "", node.location(), problems);
        }
        problems.add(node.location(), "expected a mapping at the top of the file, found " + node.kindName());
        return empty("", node.location(), problems);
    }

    private static MapReader empty(String path, Location location, ConfigProblems problems) {
        return new MapReader(new YamlNode.Mapping(Map.of(), location), path, location, problems);
    }

    public Location location() {
        return location;
    }

    public String path() {
        return path;
    }

    public boolean has(String key) {
        known.add(key);
        return mapping.entries().containsKey(key);
    }

    /** Report a semantic problem about {@code key} (e.g. a code that is not defined elsewhere). */
    public void problem(String key, String message) {
        YamlNode.Entry entry = mapping.entries().get(key);
        problems.add(entry == null ? location : entry.value().location(), qualified(key) + ": " + message);
    }

    public void problemAt(Location at, String message) {
        problems.add(at, message);
    }

    public String string(String key) {
        return scalar(key, "text").map(YamlNode.Scalar::text).orElse("");
    }

    public String optionalString(String key, String fallback) {
        return has(key) ? string(key) : fallback;
    }

    public int integer(String key) {
        Optional<YamlNode.Scalar> s = scalar(key, "a whole number");
        if (s.isEmpty()) {
            return 0;
        }
        if (s.get().kind() != YamlNode.Scalar.Kind.INTEGER) {
            typeProblem(key, "a whole number", s.get());
            return 0;
        }
        return Integer.parseInt(s.get().text());
    }

    public boolean bool(String key) {
        Optional<YamlNode.Scalar> s = scalar(key, "true or false");
        if (s.isEmpty()) {
            return false;
        }
        if (s.get().kind() != YamlNode.Scalar.Kind.BOOLEAN) {
            typeProblem(key, "true or false", s.get());
            return false;
        }
        return Boolean.parseBoolean(s.get().text());
    }

    public BigDecimal decimal(String key) {
        Optional<YamlNode.Scalar> s = scalar(key, "a number");
        if (s.isEmpty()) {
            return BigDecimal.ZERO;
        }
        YamlNode.Scalar.Kind kind = s.get().kind();
        if (kind != YamlNode.Scalar.Kind.INTEGER && kind != YamlNode.Scalar.Kind.DECIMAL) {
            typeProblem(key, "a number", s.get());
            return BigDecimal.ZERO;
        }
        return new BigDecimal(s.get().text());
    }

    public MapReader map(String key) {
        YamlNode node = required(key, "a mapping");
        if (node == null) {
            return empty(qualified(key), location, problems);
        }
        if (node instanceof YamlNode.Mapping m) {
            return new MapReader(m, qualified(key), mapping.entries().get(key).keyLocation(), problems);
        }
        typeProblem(key, "a mapping", node);
        return empty(qualified(key), node.location(), problems);
    }

    /** A list of scalars (may be empty, must be present). */
    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        for (YamlNode item : sequence(key)) {
            if (item instanceof YamlNode.Scalar s && s.kind() != YamlNode.Scalar.Kind.NULL) {
                out.add(s.text());
            } else {
                problems.add(item.location(), qualified(key) + ": expected text items, found " + item.kindName());
            }
        }
        return out;
    }

    /** A list of mappings (may be empty, must be present). */
    public List<MapReader> maps(String key) {
        List<MapReader> out = new ArrayList<>();
        List<YamlNode> items = sequence(key);
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            String itemPath = qualified(key) + "[" + i + "]";
            if (item instanceof YamlNode.Mapping m) {
                out.add(new MapReader(m, itemPath, item.location(), problems));
            } else {
                problems.add(item.location(), itemPath + ": expected a mapping, found " + item.kindName());
            }
        }
        return out;
    }

    /** A list of enum constant names; unknown names are reported with the allowed ones. */
    public <E extends Enum<E>> List<E> enumList(String key, Class<E> type) {
        List<E> out = new ArrayList<>();
        YamlNode node = mapping.entries().containsKey(key) ? mapping.entries().get(key).value() : null;
        List<YamlNode> items = node instanceof YamlNode.Sequence seq ? seq.items() : List.of();
        List<String> names = strings(key);
        for (int i = 0; i < names.size(); i++) {
            Location at = i < items.size() ? items.get(i).location() : location;
            enumConstant(type, names.get(i), at, qualified(key)).ifPresent(out::add);
        }
        return out;
    }

    /** Entries of a mapping whose keys are data (e.g. protocol codes), in file order. */
    public Map<String, YamlNode.Entry> entries() {
        known.addAll(mapping.entries().keySet());
        return new LinkedHashMap<>(mapping.entries());
    }

    /** Reports every key that no accessor asked for. Call once all keys have been read. */
    public void finish() {
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (!known.contains(entry.key())) {
                String expected = known.stream().sorted().collect(Collectors.joining(", "));
                problems.add(entry.keyLocation(), "unknown key '" + entry.key() + "'"
                        + (path.isEmpty() ? "" : " in " + path) + " (expected one of: " + expected + ")");
            }
        }
    }

    public <E extends Enum<E>> Optional<E> enumConstant(Class<E> type, String name, Location at, String what) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return Optional.of(constant);
            }
        }
        problems.add(at, what + ": unknown value '" + name + "' (expected one of: "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
        return Optional.empty();
    }

    private List<YamlNode> sequence(String key) {
        YamlNode node = required(key, "a list");
        if (node == null) {
            return List.of();
        }
        if (node instanceof YamlNode.Sequence seq) {
            return seq.items();
        }
        typeProblem(key, "a list", node);
        return List.of();
    }

    private Optional<YamlNode.Scalar> scalar(String key, String expected) {
        YamlNode node = required(key, expected);
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof YamlNode.Scalar s && s.kind() != YamlNode.Scalar.Kind.NULL) {
            return Optional.of(s);
        }
        typeProblem(key, expected, node);
        return Optional.empty();
    }

    private YamlNode required(String key, String expected) {
        known.add(key);
        YamlNode.Entry entry = mapping.entries().get(key);
        if (entry == null) {
            problems.add(location, "missing required key '" + qualified(key) + "' (" + expected + ")");
            return null;
        }
        return entry.value();
    }

    private void typeProblem(String key, String expected, YamlNode found) {
        problems.add(found.location(), qualified(key) + ": expected " + expected + ", found " + found.kindName());
    }

    private String qualified(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
