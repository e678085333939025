package org.dxaflow.results.mapping;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dxaflow.conf.ConfNode;
import org.dxaflow.densitometry.VfaFinding;
import org.dxaflow.dicom.sr.Concept;
import org.dxaflow.dicom.sr.SrItem;

/**
 * Where an SR carries vertebral fracture assessment findings ({@code vfa:} in a mapping): a NUM
 * holding the Genant grade and/or a CODE holding fracture yes/no, each inside a CONTAINER (or with a
 * finding-site modifier) whose concept names the vertebra.
 *
 * <pre>
 * vfa:
 *   vertebrae: [{code: T12, scheme: 99DXAFLOW, vertebra: T12}, {code: "66794005", scheme: SCT, vertebra: L1}]
 *   grade: {code: GENANT-GRADE, scheme: 99DXAFLOW}
 *   fracture: {code: VERTEBRAL-FRACTURE, scheme: 99DXAFLOW}
 *   yes: [{code: "373066001", scheme: SCT}]
 *   no: [{code: "373067005", scheme: SCT}]
 * </pre>
 */
final class SrVfaRule {

    private final Map<CodeRef, String> vertebrae;
    private final CodeRef grade;
    private final CodeRef fracture;
    private final List<CodeRef> yes;
    private final List<CodeRef> no;

    private SrVfaRule(Map<CodeRef, String> vertebrae, CodeRef grade, CodeRef fracture, List<CodeRef> yes,
                      List<CodeRef> no) {
        this.vertebrae = Map.copyOf(vertebrae);
        this.grade = grade;
        this.fracture = fracture;
        this.yes = List.copyOf(yes);
        this.no = List.copyOf(no);
    }

    /** Empty when the mapping has no {@code vfa:} block. */
    static Optional<SrVfaRule> read(ConfNode root) {
        if (!root.has("vfa")) {
            return Optional.empty();
        }
        ConfNode n = root.get("vfa");
        Map<CodeRef, String> vertebrae = new LinkedHashMap<>();
        List<ConfNode> listed = n.optionalItems("vertebrae");
        for (ConfNode v : listed) {
            CodeRef c = CodeRef.read(v);
            v.get("vertebra").parse(VfaFinding::level, "T4..T12 or L1..L4").ifPresent(level -> vertebrae.put(c, level));
            v.finish();
        }
        if (listed.isEmpty()) {
            n.problem("'vertebrae' must list the concepts that name each vertebra");
        }
        CodeRef grade = n.has("grade") ? CodeRef.readOnly(n.get("grade")) : null;
        CodeRef fracture = n.has("fracture") ? CodeRef.readOnly(n.get("fracture")) : null;
        List<CodeRef> yes = n.optionalItems("yes").stream().map(CodeRef::readOnly).toList();
        List<CodeRef> no = n.optionalItems("no").stream().map(CodeRef::readOnly).toList();
        if (grade == null && fracture == null) {
            n.problem("give 'grade' (NUM, Genant 0-3) and/or 'fracture' (CODE yes/no)");
        }
        if (fracture != null && (yes.isEmpty() || no.isEmpty())) {
            n.problem("'fracture' needs the 'yes' and 'no' value codes");
        }
        n.finish();
        return Optional.of(new SrVfaRule(vertebrae, grade, fracture, yes, no));
    }

    boolean isVfaItem(SrItem item) {
        return grade != null && grade.matches(item.name()) || fracture != null && fracture.matches(item.name());
    }

    List<VfaFinding> read(SrItem root, List<String> problems) {
        VfaCollector collector = new VfaCollector(problems);
        walk(root, new ArrayDeque<>(), collector, problems);
        return collector.findings();
    }

    private void walk(SrItem item, Deque<SrItem> ancestors, VfaCollector out, List<String> problems) {
        if (isVfaItem(item)) {
            Optional<String> vertebra = vertebra(item, ancestors);
            if (vertebra.isEmpty()) {
                problems.add(item.describe() + " is a VFA finding with no vertebra: no enclosing container or finding"
                        + " site the mapping's vfa.vertebrae lists");
            } else if (grade != null && grade.matches(item.name())) {
                String text = item.number() != null ? item.number().toPlainString() : item.text();
                if (text == null) {
                    problems.add(item.describe() + " has no value");
                } else {
                    out.grade(vertebra.get(), text, "item " + item.position());
                }
            } else {
                Concept value = item.code();
                if (value != null && yes.stream().anyMatch(c -> c.matches(value))) {
                    out.fracture(vertebra.get(), true, "item " + item.position());
                } else if (value != null && no.stream().anyMatch(c -> c.matches(value))) {
                    out.fracture(vertebra.get(), false, "item " + item.position());
                } else {
                    problems.add(item.describe() + " value " + value + " is neither a 'yes' nor a 'no' code of the mapping");
                }
            }
        }
        ancestors.push(item);
        item.children().forEach(c -> walk(c, ancestors, out, problems));
        ancestors.pop();
    }

    private Optional<String> vertebra(SrItem item, Deque<SrItem> ancestors) {
        for (SrItem mod : item.modifiers()) {
            Optional<String> v = level(mod.code());
            if (v.isPresent()) {
                return v;
            }
        }
        for (SrItem a : ancestors) {
            Optional<String> v = level(a.name());
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    private Optional<String> level(Concept c) {
        return vertebrae.entrySet().stream().filter(e -> e.getKey().matches(c)).map(Map.Entry::getValue).findFirst();
    }
}
