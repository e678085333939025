package org.dxaflow.justification;

import org.dxaflow.conf.ConfException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dxaflow.order.FieldType;
import org.dxaflow.order.ReferralField;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferralQuestionMappingTest {

    private static final ReferralQuestionMapping MAPPING = ReferralQuestionMapping.load(ReferralCaseFile.MAPPING);

    @TempDir
    Path temp;

    @Test
    void localCodesMapToTheirCanonicalField() {
        for (ReferralField field : ReferralField.values()) {
            assertEquals(Optional.of(field), MAPPING.fieldFor(field.name(), "99DXA"), field.name());
        }
    }

    @Test
    void emptyCodingSystemMeansTheLocalDefault() {
        assertEquals("99DXA", MAPPING.defaultCodingSystem());
        assertEquals(Optional.of(ReferralField.REFREASON), MAPPING.fieldFor("REFREASON", ""));
        assertEquals(Optional.of(ReferralField.REFREASON), MAPPING.fieldFor("REFREASON", null));
        assertEquals(Optional.of(ReferralField.REFREASON), MAPPING.fieldFor("REFREASON", "99dxa"));
    }

    @Test
    void loincAlternativesMapToo() {
        assertEquals(Optional.of(ReferralField.WEIGHT_KG), MAPPING.fieldFor("29463-7", "LN"));
        assertEquals(Optional.of(ReferralField.HEIGHT_CM), MAPPING.fieldFor("8302-2", "LN"));
        assertEquals(Optional.empty(), MAPPING.fieldFor("29463-7", "99DXA"), "LOINC codes need the LN system");
        assertEquals(Optional.empty(), MAPPING.fieldFor("NOT_A_QUESTION", "99DXA"));
    }

    @Test
    void questionsDocumentTypeRepeatAndUnit() {
        ReferralQuestionMapping.Question weight = MAPPING.question(ReferralField.WEIGHT_KG).orElseThrow();
        assertEquals(FieldType.NM, weight.type());
        assertEquals("kg", weight.unit());
        assertTrue(MAPPING.question(ReferralField.CONDITION).orElseThrow().repeat());
        assertTrue(MAPPING.question(ReferralField.REFREASON).orElseThrow().values().contains("FOLLOW_UP"));
    }

    @Test
    void mapsObservationsGroupingRepeats() {
        ReferralQuestionMapping.MappedAnswers mapped = MAPPING.map(List.of(
                new ReferralQuestionMapping.Observation("REFREASON", "99DXA", "FRACTURE"),
                new ReferralQuestionMapping.Observation("REFREASON", "", "FRAX"),
                new ReferralQuestionMapping.Observation("29463-7", "LN", "70"),
                new ReferralQuestionMapping.Observation("XYZ", "99DXA", "?")));

        assertEquals(List.of("FRACTURE", "FRAX"), mapped.fields().get(ReferralField.REFREASON));
        assertEquals(List.of("70"), mapped.fields().get(ReferralField.WEIGHT_KG));
        assertEquals(1, mapped.unmapped().size());
    }

    @Test
    void typeDisagreeingWithTheCanonicalModelIsAnErrorWithItsLine() throws IOException {
        Path file = copyWith("    type: NM\n    repeat: false\n    unit: \"kg\"", "    type: ST   # changed\n    repeat: false\n    unit: \"kg\"");
        int line = ConfCopy.lineOf(file, "# changed");

        ConfException e = assertThrows(ConfException.class, () -> ReferralQuestionMapping.load(file));

        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith(file + ":" + line + ":")
                && p.contains("WEIGHT_KG is NM in the canonical model")), e.getMessage());
    }

    @Test
    void codeMappedTwiceIsAnError() throws IOException {
        Path file = copyWith("{system: \"LN\", code: \"8302-2\"}", "{system: \"LN\", code: \"29463-7\"}");

        ConfException e = assertThrows(ConfException.class, () -> ReferralQuestionMapping.load(file));

        assertTrue(e.getMessage().contains("LN|29463-7 is mapped more than once"), e.getMessage());
    }

    @Test
    void unknownFieldIsAnError() throws IOException {
        Path file = copyWith("field: SPECIAL_NEEDS", "field: SPECIAL_NEEDZ");

        ConfException e = assertThrows(ConfException.class, () -> ReferralQuestionMapping.load(file));

        assertTrue(e.getMessage().contains("unknown value 'SPECIAL_NEEDZ'"), e.getMessage());
    }

    private Path copyWith(String from, String to) throws IOException {
        String text = Files.readString(ReferralCaseFile.MAPPING);
        assertTrue(text.contains(from), from);
        Path file = temp.resolve("referral-questions.yaml");
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
        return file;
    }
}
