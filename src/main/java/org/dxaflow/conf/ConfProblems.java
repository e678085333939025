package org.dxaflow.conf;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found while one or more files are read. Readers add to it and go on, so a load
 * fails once, with all of them ({@link #throwIfAny()}).
 */
public final class ConfProblems {

    private final List<String> problems = new ArrayList<>();

    /** Adds a problem; the same problem found twice (the same key read twice) is kept once. */
    public void add(Location at, String message) {
        String problem = at + ": " + message;
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** How many so far: a loader compares counts to know whether one item read cleanly. */
    public int count() {
        return problems.size();
    }

    public List<String> list() {
        return List.copyOf(problems);
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ConfException(problems);
        }
    }
}
