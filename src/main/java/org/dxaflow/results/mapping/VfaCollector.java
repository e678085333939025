package org.dxaflow.results.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dxaflow.densitometry.VfaFinding;

/**
 * Gathers VFA values per vertebra (a Genant grade and/or a fracture yes/no, possibly from two items)
 * into {@link VfaFinding}s. The same vertebra sent twice with different values is a problem, never a
 * silent pick.
 */
final class VfaCollector {

    private final Map<String, Integer> grades = new LinkedHashMap<>();
    private final Map<String, Boolean> fractures = new LinkedHashMap<>();
    private final List<String> problems;

    VfaCollector(List<String> problems) {
        this.problems = problems;
    }

    void grade(String vertebra, String text, String where) {
        int grade;
        try {
            grade = new java.math.BigDecimal(text.trim()).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(where + ": Genant grade '" + text + "' is not 0, 1, 2 or 3");
            return;
        }
        if (grade < 0 || grade > 3) {
            problems.add(where + ": Genant grade " + grade + " is not 0, 1, 2 or 3");
            return;
        }
        Integer before = grades.putIfAbsent(vertebra, grade);
        if (before != null && before != grade) {
            problems.add("VFA grade of " + vertebra + " is sent twice with different values: " + before + " and "
                    + grade + " (" + where + ")");
        }
    }

    void fracture(String vertebra, boolean fracture, String where) {
        Boolean before = fractures.putIfAbsent(vertebra, fracture);
        if (before != null && before != fracture) {
            problems.add("VFA fracture of " + vertebra + " is sent twice with different values (" + where + ")");
        }
    }

    List<VfaFinding> findings() {
        List<String> vertebrae = new ArrayList<>(grades.keySet());
        fractures.keySet().stream().filter(v -> !vertebrae.contains(v)).forEach(vertebrae::add);
        return vertebrae.stream().map(v -> new VfaFinding(v, grades.get(v), fractures.get(v))).toList();
    }
}
