package org.dxaflow.hl7;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One YAML mapping file under {@code mappings/}, read once at startup. Mistakes (an unknown key,
 * a malformed path) stop the engine with the file and key named, rather than silently mapping
 * nothing.
 */
public final class MappingFile {

    private final Path file;
    private final JsonNode root;

    private MappingFile(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    public static MappingFile load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MappingException(file + ": mapping file not found");
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new MappingException(file + ": expected a YAML mapping at the top level");
            }
            return new MappingFile(file, root);
        } catch (IOException e) {
            throw new MappingException(file + ": " + e.getMessage());
        }
    }

    public Path file() {
        return file;
    }

    public JsonNode section(String name) {
        JsonNode node = root.get(name);
        if (node == null || !node.isObject() && !node.isArray()) {
            throw new MappingException(file + ": section '" + name + "' is missing");
        }
        return node;
    }

    /**
     * The paths of every key in a section, each a string or a list of strings, checked against
     * the keys the code understands.
     */
    public Map<String, List<FieldPath>> paths(String sectionName, Set<String> allowedKeys) {
        JsonNode section = section(sectionName);
        Map<String, List<FieldPath>> out = new LinkedHashMap<>();
        section.fields().forEachRemaining(e -> {
            if (!allowedKeys.contains(e.getKey())) {
                throw new MappingException(file + ": " + sectionName + "." + e.getKey()
                        + " is not a known field (known: " + String.join(", ", allowedKeys) + ")");
            }
            out.put(e.getKey(), pathList(sectionName + "." + e.getKey(), e.getValue()));
        });
        return out;
    }

    public List<FieldPath> pathList(String where, JsonNode value) {
        List<FieldPath> paths = new ArrayList<>();
        if (value.isTextual()) {
            paths.add(parse(where, value.asText()));
        } else if (value.isArray()) {
            value.forEach(v -> paths.add(parse(where, v.asText())));
        } else {
            throw new MappingException(file + ": " + where + " must be a path or a list of paths");
        }
        return List.copyOf(paths);
    }

    public int integer(JsonNode section, String key, String where) {
        JsonNode v = section.get(key);
        if (v == null || !v.canConvertToInt()) {
            throw new MappingException(file + ": " + where + "." + key + " must be a number");
        }
        return v.asInt();
    }

    private FieldPath parse(String where, String text) {
        try {
            return FieldPath.parse(text);
        } catch (IllegalArgumentException e) {
            throw new MappingException(file + ": " + where + ": " + e.getMessage());
        }
    }

    /** First non-empty value among the paths. */
    public static String first(List<FieldPath> paths, List<Er7Message.Segment> segments) {
        if (paths == null) {
            return "";
        }
        for (FieldPath p : paths) {
            var v = p.value(segments);
            if (v.isPresent()) {
                return v.get();
            }
        }
        return "";
    }

    /** A mapping file is wrong; the message says which file and key. */
    public static final class MappingException extends RuntimeException {
        public MappingException(String message) {
            super(message);
        }
    }
}
