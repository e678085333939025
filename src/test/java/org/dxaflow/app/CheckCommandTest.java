package org.dxaflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.dxaflow.testing.ConfDir;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code dxaflow check} on the shipped files, and on copies each broken in one way an engineer
 * might break them: every kind of mistake is named with its file and line, and fails the check.
 */
class CheckCommandTest {

    @TempDir
    Path dir;
    ConfDir conf;
    ConfDir routes;
    ConfDir mappings;

    record Run(int code, String out, String err) {
        List<String> problems() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    @BeforeEach
    void copies() {
        conf = ConfDir.copyOfShipped(dir.resolve("conf"));
        routes = ConfDir.copyOf(Path.of("routes"), dir.resolve("routes"));
        mappings = ConfDir.copyOf(Path.of("mappings"), dir.resolve("mappings"));
    }

    Run check(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Dxaflow.commandLine(Map.of(), new Properties());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Run(cl.execute(all), out.toString(), err.toString());
    }

    Run checkCopies() {
        return check("--conf", conf.path().toString(), "--routes", routes.path().toString(),
                "--mappings", mappings.path().toString());
    }

    @Test
    void theShippedFilesPass() {
        Run run = check();

        assertEquals("", run.err());
        assertEquals(0, run.code());
        assertTrue(run.out().matches("check: \\d+ route files, \\d+ mapping files, \\d+ conf files: no problems\\R"),
                run.out());
    }

    @Test
    void theCopiesPassBeforeTheyAreBroken() {
        Run run = checkCopies();

        assertEquals(0, run.code(), run.err());
        // every shipped route file and mapping file is read: counted here from the directories
        assertTrue(run.out().startsWith("check: " + count(Path.of("routes"), ".camel.yaml") + " route files, "
                + count(Path.of("mappings"), ".yaml") + " mapping files, "), run.out());
    }

    @Test
    void aYamlSyntaxErrorInARouteFileNamesItsLine() {
        routes.replace("order-intake.camel.yaml", "    id: hl7-intake\n", "    id: hl7-intake\n   oops: [\n");

        Run run = checkCopies();

        assertEquals(1, run.code());
        assertOneProblem(run, routes.path().resolve("order-intake.camel.yaml"), lineOf(routes, "order-intake.camel.yaml", "oops"));
    }

    @Test
    void anUnknownStepInARouteNamesItsLine() {
        String step = "\n" + firstStep(routes, "reports.camel.yaml") + "\n";
        routes.replace("reports.camel.yaml", step, step.replace("- ", "- frobnicate"));
        int line = lineOf(routes, "reports.camel.yaml", "frobnicate");

        Run run = checkCopies();

        assertEquals(1, run.code());
        assertOneProblem(run, routes.path().resolve("reports.camel.yaml"), line);
        assertTrue(run.err().contains("frobnicate"), run.err());
    }

    @Test
    void aBadHl7PathInAMappingNamesItsLine() {
        mappings.replace("hl7/order.yaml", "procedureCode: [\"OBR-4-1\"]", "procedureCode: [\"OBR-four\"]");

        Run run = checkCopies();

        assertEquals(1, run.code());
        assertOneProblem(run, mappings.path().resolve("hl7/order.yaml"), lineOf(mappings, "hl7/order.yaml", "OBR-four"));
    }

    @Test
    void aBrokenJustificationRuleNamesItsLine() {
        conf.replace("justification/rules.yaml", "  minAgeYears: 18", "  minAgeYears: eighteen");

        Run run = checkCopies();

        assertEquals(1, run.code());
        assertOneProblem(run, conf.path().resolve("justification/rules.yaml"),
                lineOf(conf, "justification/rules.yaml", "minAgeYears: eighteen"));
    }

    @Test
    void aTemplateWithAnUnclosedSectionNamesItsLine() throws IOException {
        Path template = conf.path().resolve("report/technical.mustache");
        Files.writeString(template, Files.readString(template) + "{{#unclosed}}\nnever closed\n");

        Run run = checkCopies();

        assertEquals(1, run.code());
        assertOneProblem(run, template, lineOf(conf, "report/technical.mustache", "{{#unclosed}}"));
    }

    @Test
    void everyProblemOfEveryFileIsReportedNotJustTheFirst() {
        mappings.replace("hl7/order.yaml", "procedureCode: [\"OBR-4-1\"]", "procedureCode: [\"OBR-four\"]");
        conf.replace("justification/rules.yaml", "  minAgeYears: 18", "  minAgeYears: eighteen");
        routes.replace("order-intake.camel.yaml", "    id: hl7-intake\n", "    id: hl7-intake\n   oops: [\n");

        Run run = checkCopies();

        assertEquals(1, run.code());
        assertEquals(3, run.problems().size(), run.err());
        assertTrue(run.out().endsWith("3 problem(s)" + System.lineSeparator()), run.out());
    }

    @Test
    void aUsersFileIsCheckedWhenThereIsOne() throws IOException {
        Files.writeString(conf.path().resolve("users.yaml"), "users:\n  - name: [unclosed\n");

        Run run = checkCopies();

        assertEquals(1, run.code());
        assertTrue(run.err().startsWith(conf.path().resolve("users.yaml") + ":"), run.err());
    }

    private static void assertOneProblem(Run run, Path file, int line) {
        assertEquals(1, run.problems().size(), run.err());
        String problem = run.problems().get(0);
        assertTrue(problem.startsWith(file + ":" + line + ":"), "expected " + file + ":" + line + " in: " + problem);
    }

    /** The 1-based line of the first line containing {@code text}. */
    private static int lineOf(ConfDir dir, String file, String text) {
        try {
            List<String> lines = Files.readAllLines(dir.path().resolve(file));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError(text + " not in " + file);
    }

    /** The first {@code - step:} line under the first route's steps, as it stands (unique in the file). */
    private static String firstStep(ConfDir dir, String file) {
        try {
            List<String> lines = Files.readAllLines(dir.path().resolve(file));
            boolean inSteps = false;
            for (String l : lines) {
                if (l.strip().equals("steps:")) {
                    inSteps = true;
                } else if (inSteps && l.strip().startsWith("- ") && l.strip().endsWith(":")
                        && lines.stream().filter(l::equals).count() == 1) {
                    return l;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("no step in " + file);
    }

    private static long count(Path dir, String suffix) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
