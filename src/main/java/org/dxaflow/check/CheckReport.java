package org.dxaflow.check;

import java.util.List;

/** What {@code dxaflow check} found: how many files of each kind it read, and every problem, each {@code file:line: message}. */
public record CheckReport(int routeFiles, int mappingFiles, int confFiles, List<String> problems) {

    public CheckReport {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** One line, e.g. {@code check: 9 route files, 9 mapping files, 21 conf files: no problems}. */
    public String summary() {
        return "check: " + routeFiles + " route files, " + mappingFiles + " mapping files, " + confFiles
                + " conf files: " + (ok() ? "no problems" : problems.size() + " problem(s)");
    }
}
