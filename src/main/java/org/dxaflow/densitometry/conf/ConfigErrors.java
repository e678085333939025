package org.dxaflow.densitometry.conf;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found while loading conf, so one run reports them all with file:line. */
public final class ConfigErrors {
    private final List<String> messages = new ArrayList<>();

    public void add(String where, String message) {
        messages.add(where + ": " + message);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    public void throwIfAny() {
        if (!messages.isEmpty()) {
            throw new ConfigException(messages);
        }
    }
}
