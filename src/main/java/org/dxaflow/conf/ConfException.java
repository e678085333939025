package org.dxaflow.conf;

import java.util.List;

/**
 * A configuration or mapping file is invalid. Carries every problem found (not just the first),
 * each {@code file:line:column: message}, so an operator can fix a file in one pass.
 */
public final class ConfException extends RuntimeException {

    private final List<String> problems;

    public ConfException(List<String> problems) {
        super(problems.size() + " configuration problem(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
