package org.dxaflow.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfNodeTest {

    @TempDir
    Path temp;

    private final ConfProblems problems = new ConfProblems();

    private Path file;

    private ConfNode read(String yaml) throws IOException {
        file = temp.resolve("test.yaml");
        Files.writeString(file, yaml);
        return YamlFile.read(file, problems);
    }

    private void assertProblem(String expected) {
        assertTrue(problems.list().contains(file + ":" + expected), "expected " + expected + " in " + problems.list());
    }

    @Test
    void typedValuesAreReadAsWritten() throws IOException {
        ConfNode root = read("""
                name: "  Room 2 "
                count: 7
                sd: 0.120
                live: yes
                days: [MONDAY, FRIDAY]
                section:
                  inner: x
                """);

        assertEquals("Room 2", root.text("name"));
        assertEquals(7, root.integer("count"));
        assertEquals(new BigDecimal("0.120"), root.decimal("sd"));
        assertTrue(root.bool("live"));
        assertEquals(List.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), root.enumList("days", DayOfWeek.class));
        assertEquals("x", root.map("section").text("inner"));
        root.finish();
        assertTrue(problems.isEmpty(), problems.list().toString());
    }

    @Test
    void aWrongTypeIsReportedAtTheValueWithItsPath() throws IOException {
        ConfNode root = read("""
                steroids:
                  minDailyDoseMg: fifteen
                  youngerThanYears: 6.5
                  routes: ORAL
                """);
        ConfNode steroids = root.map("steroids");

        assertEquals(BigDecimal.ZERO, steroids.decimal("minDailyDoseMg"));
        assertEquals(0, steroids.integer("youngerThanYears"));
        assertEquals(List.of(), steroids.texts("routes"));

        assertProblem("2:19: steroids.minDailyDoseMg: expected a number, found string 'fifteen'");
        assertProblem("3:21: steroids.youngerThanYears: expected a whole number, found decimal '6.5'");
        assertProblem("4:11: steroids.routes: expected a list, found string 'ORAL'");
    }

    @Test
    void aMissingKeyIsReportedAtTheKeyOfItsSection() throws IOException {
        ConfNode root = read("""
                top: 1
                followup:
                  minYaers: 2
                """);
        ConfNode followup = root.map("followup");

        followup.integer("minYears");
        followup.finish();

        assertProblem("2:1: missing required key 'followup.minYears' (a whole number)");
        assertProblem("3:3: unknown key 'minYaers' in followup (expected one of: minYears)");
        assertEquals(2, problems.count(), problems.list().toString());
    }

    @Test
    void oneMissingSectionIsOneProblemNotOnePerKey() throws IOException {
        ConfNode root = read("other: 1\n");
        ConfNode who = root.map("who");

        who.decimal("normalMin");
        who.decimal("osteoporosisMax");
        who.problem("normalMin", "must be below 0");
        who.finish();

        assertEquals(List.of(file + ":1:1: missing required key 'who' (a mapping)"), problems.list());
    }

    @Test
    void belowAValueOfTheWrongKindNothingMoreIsReported() throws IOException {
        ConfNode root = read("who: -2.5\n");
        ConfNode who = root.get("who");

        who.decimal("normalMin");
        who.text("citation");

        assertEquals(List.of(file + ":1:6: who: expected a mapping, found decimal '-2.5'"), problems.list());
    }

    @Test
    void severalProblemsAreReportedTogether() throws IOException {
        ConfNode root = read("""
                weeks: 0
                days: [MONDAY, FUNDAY]
                sd: -0.1
                name: ""
                """);
        int weeks = root.integer("weeks", 1, 52);
        root.enumList("days", DayOfWeek.class);
        root.positiveDecimal("sd");
        root.nonBlank("name");
        root.text("missing");

        ConfException e = assertThrows(ConfException.class, problems::throwIfAny);

        assertEquals(0, weeks);
        assertEquals(5, e.problems().size(), e.getMessage());
        assertProblem("1:8: weeks: expected a whole number from 1 to 52, found 0");
        assertProblem("2:16: days: unknown value 'FUNDAY' (allowed: MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY,"
                + " SATURDAY, SUNDAY)");
        assertProblem("3:5: sd: must be greater than 0, was -0.1");
        assertProblem("4:7: name: must not be empty");
        assertProblem("1:1: missing required key 'missing' (text)");
        assertTrue(e.getMessage().startsWith("5 configuration problem(s):"), e.getMessage());
    }

    @Test
    void listItemsAreNamedByIndex() throws IOException {
        ConfNode root = read("""
                referrers:
                  - id: G1
                  - id: G2
                    speciality: GP
                  - just text
                """);
        List<ConfNode> referrers = root.list("referrers");
        referrers.forEach(r -> {
            r.text("id");
            r.finish();
        });

        assertEquals(3, referrers.size());
        assertProblem("4:5: unknown key 'speciality' in referrers[1] (expected one of: id)");
        assertProblem("5:5: referrers[2]: expected a mapping, found string 'just text'");
        assertEquals(2, problems.count(), problems.list().toString());
    }

    @Test
    void aVocabularyValueNamesWhatIsAllowed() throws IOException {
        ConfNode root = read("sex: X\nkind: lsc\n");

        Optional<String> sex = root.get("sex").parse(t -> Optional.of(t).filter(List.of("F", "M")::contains), "F, M");
        Optional<String> kind = root.get("kind").parse(t -> Optional.of(t).filter("lsc"::equals), "lsc");

        assertTrue(sex.isEmpty());
        assertEquals(Optional.of("lsc"), kind);
        assertProblem("1:6: sex: unknown value 'X' (allowed: F, M)");
    }

    @Test
    void entriesKeepFileOrderAndCountAsKnown() throws IOException {
        ConfNode root = read("codes:\n  LSPINE: Lumbar spine\n  HIP: Hip\n  VFA: Vertebral fracture assessment\n");
        ConfNode codes = root.map("codes");

        Map<String, ConfNode> entries = codes.entries();
        codes.finish();

        assertEquals(List.of("LSPINE", "HIP", "VFA"), List.copyOf(entries.keySet()));
        assertEquals("Hip", entries.get("HIP").text());
        assertEquals("codes.HIP", entries.get("HIP").path());
        assertTrue(problems.isEmpty(), problems.list().toString());
    }

    @Test
    void anExplicitNullIsAbsentForHasButWrongForARequiredRead() throws IOException {
        ConfNode root = read("role:\nunit: \"\"\n");

        assertFalse(root.has("role"));
        assertEquals(Optional.empty(), root.optionalText("role"));
        assertEquals(Optional.of(""), root.optionalText("unit"));
        assertEquals("", root.text("role"));
        assertProblem("1:6: role: expected text, found null");
    }

    @Test
    void oneOrMoreReadsASingleValueAsAListOfOne() throws IOException {
        ConfNode root = read("one: PID-3\nmany: [PID-3, PID-2]\n");

        assertEquals(List.of("PID-3"), root.get("one").oneOrMore().stream().map(ConfNode::text).toList());
        assertEquals(List.of("PID-3", "PID-2"), root.optionalItems("many").stream().map(ConfNode::text).toList());
        assertEquals(List.of(), root.optionalItems("none"));
        assertTrue(problems.isEmpty(), problems.list().toString());
    }

    @Test
    void theSameProblemFoundTwiceIsReportedOnce() throws IOException {
        ConfNode root = read("a: 1\n");

        root.get("b").text();
        root.get("b").text();

        assertEquals(1, problems.count(), problems.list().toString());
    }

    @Test
    void shortFormCitesFileNameAndLineOnly() throws IOException {
        ConfNode root = read("a:\n  b: 1\n");

        assertEquals("test.yaml:2", root.map("a").get("b").location().shortForm());
        assertEquals(file + ":2:6", root.map("a").get("b").location().toString());
    }
}
