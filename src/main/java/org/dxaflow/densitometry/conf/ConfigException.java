package org.dxaflow.densitometry.conf;

import java.util.List;

/** Conf could not be loaded; {@link #problems()} lists each as "file:line: message". */
public final class ConfigException extends RuntimeException {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super("invalid densitometry configuration:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
