package org.dxaflow.conf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it came from. Jackson's tree model drops locations, and
 * configuration errors must say {@code file:line}, so the reader keeps its own small tree.
 */
sealed interface YamlNode {

    Location location();

    /** The node kind for "expected X, found Y" messages. */
    String kindName();

    /** A scalar as written in the file; {@code kind} records how YAML typed it. */
    record Scalar(String text, Kind kind, Location location) implements YamlNode {
        enum Kind { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

        @Override
        public String kindName() {
            return kind == Kind.NULL ? "null" : kind.name().toLowerCase() + " '" + text + "'";
        }
    }

    /** A mapping, keys in file order; each key keeps its own location (for unknown-key errors). */
    record Mapping(Map<String, Entry> entries, Location location) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String kindName() {
            return "a mapping";
        }
    }

    /** One key/value pair of a mapping. */
    record Entry(String key, Location keyLocation, YamlNode value) { }

    record Sequence(List<YamlNode> items, Location location) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kindName() {
            return "a list";
        }
    }
}
