package org.dxaflow.results.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dxaflow.conf.ConfNode;
import org.dxaflow.densitometry.VfaFinding;
import org.dxaflow.hl7.Er7Message;

/**
 * Where an ORU carries vertebral fracture assessment findings ({@code vfa:} in a mapping): one OBX
 * per vertebra whose OBX-5 is the Genant grade (0-3), and/or one whose OBX-5 is fracture Y/N.
 *
 * <pre>
 * vfa:
 *   scheme: 99EXORU
 *   grades: {T12: VFA_T12_GRADE, L1: VFA_L1_GRADE}
 *   fractures: {T12: VFA_T12_FX}
 * </pre>
 */
final class OruVfaRule {

    private final Map<CodeRef, String> grades;
    private final Map<CodeRef, String> fractures;

    private OruVfaRule(Map<CodeRef, String> grades, Map<CodeRef, String> fractures) {
        this.grades = Map.copyOf(grades);
        this.fractures = Map.copyOf(fractures);
    }

    static Optional<OruVfaRule> read(ConfNode root) {
        if (!root.has("vfa")) {
            return Optional.empty();
        }
        ConfNode n = root.get("vfa");
        String scheme = n.nonBlank("scheme");
        Map<CodeRef, String> grades = codes(n, "grades", scheme);
        Map<CodeRef, String> fractures = codes(n, "fractures", scheme);
        if (!n.has("grades") && !n.has("fractures")) {
            n.problem("give 'grades' and/or 'fractures': vertebra -> OBX-3 code");
        }
        n.finish();
        return Optional.of(new OruVfaRule(grades, fractures));
    }

    private static Map<CodeRef, String> codes(ConfNode n, String key, String scheme) {
        Map<CodeRef, String> out = new LinkedHashMap<>();
        if (!n.has(key)) {
            return out;
        }
        n.get(key).entries().forEach((vertebra, code) -> VfaFinding.level(vertebra).ifPresentOrElse(
                level -> out.put(new CodeRef(code.nonBlank(), scheme), level),
                () -> code.problem("'" + vertebra + "' is not a vertebra T4..T12 or L1..L4")));
        return out;
    }

    boolean isVfaObservation(Er7Message.Segment obx) {
        return find(grades, obx).isPresent() || find(fractures, obx).isPresent();
    }

    List<VfaFinding> read(Er7Message message, List<String> problems) {
        VfaCollector collector = new VfaCollector(problems);
        for (Er7Message.Segment obx : message.all("OBX")) {
            String where = "OBX " + obx.value(1) + " " + obx.value(3, 1);
            String value = obx.value(5);
            if (value.isEmpty()) {
                continue;
            }
            find(grades, obx).ifPresent(v -> collector.grade(v, value, where));
            find(fractures, obx).ifPresent(v -> {
                String yn = obx.value(5, 1).trim().toUpperCase(Locale.ROOT);
                if (yn.equals("Y") || yn.equals("N")) {
                    collector.fracture(v, yn.equals("Y"), where);
                } else {
                    problems.add(where + ": fracture value '" + value + "' is not Y or N");
                }
            });
        }
        return collector.findings();
    }

    private static Optional<String> find(Map<CodeRef, String> codes, Er7Message.Segment obx) {
        return codes.entrySet().stream().filter(e -> e.getKey().matches(obx.value(3, 1), obx.value(3, 3)))
                .map(Map.Entry::getValue).findFirst();
    }
}
