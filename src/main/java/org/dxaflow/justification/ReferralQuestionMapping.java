package org.dxaflow.justification;

import org.dxaflow.conf.ConfNode;
import org.dxaflow.conf.ConfProblems;
import org.dxaflow.conf.YamlFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dxaflow.order.FieldType;
import org.dxaflow.order.ReferralField;
import org.dxaflow.order.ReferralQuestions;

/**
 * OBX-3 (code, coding system) → canonical {@link ReferralField}, from
 * {@code mappings/hl7/referral-questions.yaml}: the questions {@link org.dxaflow.order.ReferralAnswers#read}
 * reads an order's answers by. The file is checked against the canonical model at load (type and
 * repeat flag must agree with {@link ReferralField}, every field must be mapped, no code may map
 * twice), with {@code file:line} errors like the rule files.
 */
public final class ReferralQuestionMapping implements ReferralQuestions {

    /** One canonical question as documented in the mapping file. */
    public record Question(ReferralField field, FieldType type, boolean repeat, String unit, List<String> values) {
        public Question {
            values = List.copyOf(values);
        }
    }

    /** One OBX as the HL7 side reads it: OBX-3.1, OBX-3.3 and OBX-5 (identifier for CE) as text. */
    public record Observation(String code, String codingSystem, String value) { }

    /** Canonical answers ready for {@link org.dxaflow.order.ReferralAnswers#of}, plus OBX the mapping does not know. */
    public record MappedAnswers(Map<ReferralField, List<String>> fields, List<Observation> unmapped) {
        public MappedAnswers {
            fields = Collections.unmodifiableMap(new EnumMap<>(fields));
            unmapped = List.copyOf(unmapped);
        }
    }

    private final String defaultCodingSystem;
    private final Map<String, ReferralField> byKey;
    private final Map<ReferralField, Question> questions;

    private ReferralQuestionMapping(String defaultCodingSystem, Map<String, ReferralField> byKey,
                                    Map<ReferralField, Question> questions) {
        this.defaultCodingSystem = defaultCodingSystem;
        this.byKey = Map.copyOf(byKey);
        this.questions = Collections.unmodifiableMap(new EnumMap<>(questions));
    }

    public static ReferralQuestionMapping load(Path file) {
        ConfProblems problems = new ConfProblems();
        ConfNode root = YamlFile.read(file, problems);
        root.integer("version");
        String defaultSystem = root.text("defaultCodingSystem");
        Map<String, ReferralField> byKey = new HashMap<>();
        Map<ReferralField, Question> questions = new LinkedHashMap<>();
        for (ConfNode q : root.list("questions")) {
            Optional<ReferralField> field = q.get("field").enumValue(ReferralField.class);
            Optional<FieldType> type = q.get("type").enumValue(FieldType.class);
            boolean repeat = q.bool("repeat");
            String unit = q.optionalText("unit").orElse("");
            List<String> values = q.has("values") ? q.texts("values") : List.of();
            q.optionalText("description");
            List<ConfNode> codes = q.list("codes");
            if (q.has("codes") && codes.isEmpty()) {
                q.problem("codes", "at least one OBX-3 code is required");
            }
            for (ConfNode c : codes) {
                String key = key(c.text("code"), c.text("system"));
                c.finish();
                if (field.isPresent() && byKey.putIfAbsent(key, field.get()) != null) {
                    c.problem("OBX-3 code " + key + " is mapped more than once");
                }
            }
            q.finish();
            if (field.isEmpty() || type.isEmpty()) {
                continue;
            }
            if (type.get() != field.get().type()) {
                q.problem("type", field.get() + " is " + field.get().type() + " in the canonical model, not " + type.get());
            }
            if (repeat != field.get().repeating()) {
                q.problem("repeat", field.get() + " repeat must be " + field.get().repeating());
            }
            if (questions.put(field.get(), new Question(field.get(), type.get(), repeat, unit, values)) != null) {
                q.problem("field", field.get() + " is listed twice; put all its codes in one entry");
            }
        }
        root.finish();
        for (ReferralField field : ReferralField.values()) {
            if (!questions.containsKey(field) && problems.isEmpty()) {
                root.problem("canonical field " + field + " has no OBX-3 code");
            }
        }
        problems.throwIfAny();
        return new ReferralQuestionMapping(defaultSystem, byKey, questions);
    }

    /** The canonical field for an OBX-3 code; an empty coding system means the local default. */
    @Override
    public Optional<ReferralField> fieldFor(String code, String codingSystem) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String system = codingSystem == null || codingSystem.isBlank() ? defaultCodingSystem : codingSystem;
        return Optional.ofNullable(byKey.get(key(code, system)));
    }

    public Optional<Question> question(ReferralField field) {
        return Optional.ofNullable(questions.get(field));
    }

    public String defaultCodingSystem() {
        return defaultCodingSystem;
    }

    /** Groups OBX values by canonical field (repeats in message order); unknown codes are returned apart. */
    public MappedAnswers map(List<Observation> observations) {
        Map<ReferralField, List<String>> fields = new EnumMap<>(ReferralField.class);
        List<Observation> unmapped = new ArrayList<>();
        for (Observation obx : observations) {
            Optional<ReferralField> field = fieldFor(obx.code(), obx.codingSystem());
            if (field.isPresent()) {
                fields.computeIfAbsent(field.get(), f -> new ArrayList<>()).add(obx.value());
            } else {
                unmapped.add(obx);
            }
        }
        return new MappedAnswers(fields, unmapped);
    }

    private static String key(String code, String system) {
        return system.trim().toUpperCase(Locale.ROOT) + "|" + code.trim();
    }
}
