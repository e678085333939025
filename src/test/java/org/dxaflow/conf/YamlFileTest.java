package org.dxaflow.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlFileTest {

    @TempDir
    Path temp;

    private final ConfProblems problems = new ConfProblems();

    private ConfNode read(String yaml) throws IOException {
        Path file = temp.resolve("test.yaml");
        Files.writeString(file, yaml);
        return YamlFile.read(file, problems);
    }

    @Test
    void aMissingFileIsOneProblemAndItsRootIsQuiet() {
        Path missing = temp.resolve("rules.yaml");

        ConfNode root = YamlFile.read(missing, problems);
        root.map("delegation").text("document");
        root.integer("version");
        root.finish();

        assertEquals(java.util.List.of(missing + ": file not found"), problems.list());
    }

    @Test
    void aSyntaxErrorIsOneLineWithItsLocation() throws IOException {
        ConfNode root = read("followup:\n  minYears: [2\n");
        root.map("followup").integer("minYears");

        assertEquals(1, problems.count(), problems.list().toString());
        String problem = problems.list().get(0);
        assertTrue(problem.matches(java.util.regex.Pattern.quote(temp.resolve("test.yaml") + ":")
                + "\\d+:\\d+: YAML syntax error: .*"), problem);
        assertEquals(1, problem.lines().count(), problem);
    }

    @Test
    void aDuplicateKeyIsReportedAtItsSecondOccurrence() throws IOException {
        ConfNode root = read("followup:\n  minYears: 2\n  minYears: 3\n");

        assertEquals(2, root.map("followup").integer("minYears"));
        assertEquals(java.util.List.of(temp.resolve("test.yaml") + ":3:3: duplicate key 'minYears'"), problems.list());
    }

    @Test
    void anEmptyFileIsAProblem() throws IOException {
        read("# nothing but a comment\n");

        assertEquals(java.util.List.of(temp.resolve("test.yaml") + ":1:1: file is empty"), problems.list());
    }

    @Test
    void numbersKeepTheirWrittenText() throws IOException {
        ConfNode root = read("sd: 0.120\nversion: 2025.06\n");

        assertEquals("0.120", root.decimal("sd").toPlainString());
        assertEquals("2025.06", root.text("version"));
        assertTrue(problems.isEmpty(), problems.list().toString());
    }
}
