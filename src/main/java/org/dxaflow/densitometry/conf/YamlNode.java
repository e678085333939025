package org.dxaflow.densitometry.conf;

import java.util.List;
import java.util.Map;

/**
 * A parsed YAML value that remembers the file and line it came from, so that a validation error can
 * point at "nhanes3-femur.yaml:23" instead of at a Jackson stack trace.
 */
public sealed interface YamlNode permits YamlNode.MapNode, YamlNode.ListNode, YamlNode.ScalarNode {

    String file();

    int line();

    default String where() {
        return file() + ":" + line();
    }

    /** A mapping; key order is the order in the file. */
    record MapNode(String file, int line, Map<String, YamlNode> entries) implements YamlNode {
    }

    record ListNode(String file, int line, List<YamlNode> items) implements YamlNode {
    }

    /** A scalar as written in the file ({@code text}), null for an explicit YAML null. */
    record ScalarNode(String file, int line, String text, boolean number) implements YamlNode {
    }
}
