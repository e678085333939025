package org.dxaflow.hl7;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.dxaflow.conf.ConfNode;
import org.dxaflow.conf.ConfProblems;
import org.dxaflow.conf.YamlFile;

/**
 * One YAML mapping file under {@code mappings/hl7/}, read once at startup through
 * {@link org.dxaflow.conf}; what this class adds is the HL7 field paths. Mistakes (an unknown key,
 * a malformed path) stop the engine with the file, line and key named, rather than silently
 * mapping nothing.
 */
public final class MappingFile {

    private final ConfNode root;

    private MappingFile(ConfNode root) {
        this.root = root;
    }

    /**
     * Reads {@code file} and applies {@code reader} to it; every problem either found fails the load
     * in one {@link org.dxaflow.conf.ConfException}.
     */
    public static <T> T read(Path file, Function<MappingFile, T> reader) {
        ConfProblems problems = new ConfProblems();
        T result = reader.apply(new MappingFile(YamlFile.read(file, problems)));
        problems.throwIfAny();
        return result;
    }

    /** A top-level section; reading from it reports it when it is missing. */
    public ConfNode section(String name) {
        return root.get(name);
    }

    /**
     * The paths of every key in a section, each a path or a list of paths, checked against the keys
     * the code understands.
     */
    public Map<String, List<FieldPath>> paths(String sectionName, Set<String> allowedKeys) {
        Map<String, List<FieldPath>> out = new LinkedHashMap<>();
        root.map(sectionName).entries().forEach((key, value) -> {
            if (allowedKeys.contains(key)) {
                out.put(key, pathList(value));
            } else {
                value.problem("not a known field (known: " + String.join(", ", new TreeSet<>(allowedKeys)) + ")");
            }
        });
        return out;
    }

    /** A path or a list of paths. */
    public List<FieldPath> pathList(ConfNode value) {
        List<FieldPath> paths = new ArrayList<>();
        for (ConfNode item : value.oneOrMore()) {
            String text = item.nonBlank();
            if (text.isEmpty()) {
                continue;
            }
            try {
                paths.add(FieldPath.parse(text));
            } catch (IllegalArgumentException e) {
                item.problem(e.getMessage());
            }
        }
        return List.copyOf(paths);
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
}
