package org.dxaflow.justification.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration file is invalid. Carries every problem found (not just the first), each
 * formatted {@code file:line:column: message}, so an operator can fix a rule file in one pass.
 */
public class ConfigException extends RuntimeException {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(problems.size() + " configuration problem(s):\n  "
                + problems.stream().collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
