package org.dxaflow.justification.config;

import java.util.ArrayList;
import java.util.List;

/** Collects validation problems while a file is read, then fails once with all of them. */
public final class ConfigProblems {

    private final List<String> problems = new ArrayList<>();

    public void add(Location location, String message) {
        problems.add(location + ": " + message);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }
}
