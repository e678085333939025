package org.dxaflow.results.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One node of a results mapping file, with its file and key path so every mistake is reported as
 * {@code mappings/results/x.yaml: sites[2].site: unknown site 'NECK'}. Keys a node's reader did not
 * ask for are errors too ({@link #finish}), so a misspelt key never silently maps nothing.
 */
final class MappingNode {

    private final Path file;
    private final String path;
    private final JsonNode node;
    private final Set<String> read = new HashSet<>();

    MappingNode(Path file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    MappingConfigException error(String message) {
        return new MappingConfigException(file + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    MappingConfigException error(String key, String message) {
        return child(key).error(message);
    }

    Path file() {
        return file;
    }

    boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    MappingNode child(String key) {
        read.add(key);
        JsonNode v = node.get(key);
        return new MappingNode(file, path.isEmpty() ? key : path + "." + key,
                v == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : v);
    }

    boolean isText() {
        return node.isValueNode() && !node.isNull();
    }

    boolean isList() {
        return node.isArray();
    }

    boolean isMap() {
        return node.isObject();
    }

    String text() {
        if (!isText() || node.asText().isBlank()) {
            throw error("must be a non-empty value");
        }
        return node.asText().trim();
    }

    String string(String key) {
        if (!has(key)) {
            throw error("'" + key + "' is required");
        }
        return child(key).text();
    }

    String optionalString(String key) {
        return has(key) ? child(key).text() : null;
    }

    /** Items of a list; a single value or map counts as a list of one. */
    List<MappingNode> items() {
        List<MappingNode> out = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new MappingNode(file, path + "[" + i + "]", node.get(i)));
            }
        } else if (!node.isNull()) {
            out.add(this);
        }
        return out;
    }

    List<MappingNode> list(String key) {
        return has(key) ? child(key).items() : List.of();
    }

    /** Entries of a map, in file order. */
    List<Map.Entry<String, MappingNode>> entries() {
        if (!node.isObject()) {
            throw error("must be a map of key: value");
        }
        List<Map.Entry<String, MappingNode>> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            out.add(Map.entry(k, child(k)));
        }
        return out;
    }

    /** Fails on keys nobody asked for. */
    void finish() {
        if (!node.isObject()) {
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!read.contains(k)) {
                throw error("'" + k + "' is not a known key here (known: " + String.join(", ", read) + ")");
            }
        }
    }

    <E extends Enum<E>> E enumValue(Class<E> type, java.util.function.Function<String, java.util.Optional<E>> parse) {
        String t = text();
        return parse.apply(t).orElseThrow(() -> error("unknown " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT)
                + " '" + t + "'"));
    }
}
