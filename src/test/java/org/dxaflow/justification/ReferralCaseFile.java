package org.dxaflow.justification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dxaflow.clinical.Sex;
import org.dxaflow.order.ReferralField;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One {@code samples/hl7/referrals/case-*.yaml}: builds the {@link Referral} the way the HL7 side
 * will (OBX code/value → {@link ReferralQuestionMapping} → {@link org.dxaflow.order.ReferralAnswers#of}) and holds
 * the hand-written expectations.
 */
record ReferralCaseFile(String id, int statedAge, Referral referral, Expected expected) {

    static final Path DIR = Path.of("samples/hl7/referrals");
    static final Path MAPPING = Path.of("mappings/hl7/referral-questions.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    record Expected(Outcome outcome, List<String> protocol, List<String> flags, LocalDate earliestScanDate,
                    Map<String, CriterionStatus> criteria, List<String> reasonsContain) { }

    static Stream<Path> files() {
        try (Stream<Path> list = Files.list(DIR)) {
            return list.filter(p -> p.getFileName().toString().matches("case-.*\\.yaml")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReferralCaseFile read(Path file, ReferralQuestionMapping mapping) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode r = root.path("referral");
        List<ReferralQuestionMapping.Observation> obx = new ArrayList<>();
        for (JsonNode o : root.path("obx")) {
            ReferralQuestionMapping.Observation observation = new ReferralQuestionMapping.Observation(
                    o.path("code").asText(), o.path("system").asText(), o.path("value").asText());
            ReferralField field = mapping.fieldFor(observation.code(), observation.codingSystem()).orElseThrow(
                    () -> new AssertionError(file + ": OBX code not in the mapping: " + observation));
            // the case file's OBX-2 must agree with the mapping, or the HL7 messages built from it would be wrong
            assertEquals(field.type().name(), o.path("type").asText(), file + ": OBX-2 type of " + observation.code());
            obx.add(observation);
        }
        ReferralQuestionMapping.MappedAnswers mapped = mapping.map(obx);
        assertTrue(mapped.unmapped().isEmpty(), file + ": unmapped OBX " + mapped.unmapped());
        Referral referral = new Referral(
                r.path("placerOrderNumber").asText(),
                LocalDate.parse(r.path("referralDate").asText()),
                LocalDate.parse(r.path("patient").path("birthDate").asText()),
                Sex.valueOf(r.path("patient").path("sex").asText()),
                new Referrer(r.path("referrer").path("id").asText(), r.path("referrer").path("name").asText()),
                TestReferrals.answers(mapped.fields()),
                r.path("clinicalDetails").asText(""));

        JsonNode e = root.path("expected");
        Map<String, CriterionStatus> criteria = new LinkedHashMap<>();
        e.path("criteria").fields().forEachRemaining(f -> criteria.put(f.getKey(), CriterionStatus.valueOf(f.getValue().asText())));
        Expected expected = new Expected(Outcome.valueOf(e.path("outcome").asText()), texts(e.path("protocol")),
                texts(e.path("flags")), e.path("earliestScanDate").isNull() ? null : LocalDate.parse(e.path("earliestScanDate").asText()),
                criteria, texts(e.path("reasonsContain")));
        return new ReferralCaseFile(root.path("id").asText(), r.path("patient").path("ageAtReferral").asInt(), referral, expected);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
