package org.dxaflow.check;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dxaflow.densitometry.conf.ReferenceDataLoader;
import org.dxaflow.hl7.MessageReader;
import org.dxaflow.justification.ReferralQuestionMapping;
import org.dxaflow.justification.RuleSetLoader;
import org.dxaflow.pathway.PathwaySettingsLoader;
import org.dxaflow.report.ReportCodesLoader;
import org.dxaflow.report.text.ReportConfLoader;
import org.dxaflow.report.text.ReportWording;
import org.dxaflow.results.mapping.ResultMappings;

/**
 * {@code dxaflow check}: every editable file read through the loader the engine uses for it, every
 * problem of every file collected (not only the first), nothing started, no port opened, the data
 * directory not touched. The same per-kind checks guard a hot reload ({@link HotReload}).
 */
public final class ConfigCheck {

    /** Where mustache.java names a template position: {@code @[technical.mustache:3]}. */
    private static final Pattern MUSTACHE_AT = Pattern.compile("@\\[([^:\\]]+):(\\d+)]");
    /** mustache.java's "Failed to close 'name' tag" names the line where it gave up, not the opening tag. */
    private static final Pattern UNCLOSED = Pattern.compile("Failed to close '([^']+)' tag");
    /** Files another part of the engine may add: checked when present, quietly skipped when absent. */
    static final String USERS_FILE = "users.yaml";

    private final Path confDir;
    private final Path routesDir;
    private final Path mappingsDir;
    private final Properties camelProperties;
    private final Map<String, Object> routeBeans;

    /**
     * @param camelProperties the settings the engine hands Camel, for the routes' placeholders
     * @param routeBeans      stubs, by name, of the engine's beans that route files' {@code beans:} refer to
     */
    public ConfigCheck(Path confDir, Path routesDir, Path mappingsDir, Properties camelProperties,
            Map<String, Object> routeBeans) {
        this.confDir = confDir;
        this.routesDir = routesDir;
        this.mappingsDir = mappingsDir;
        this.camelProperties = camelProperties;
        this.routeBeans = Map.copyOf(routeBeans);
    }

    public CheckReport run() {
        List<String> problems = new ArrayList<>();
        List<Path> routeFiles = files(routesDir, ".camel.yaml", problems);
        try (RouteFileCheck routes = new RouteFileCheck(camelProperties, routeBeans)) {
            routeFiles.forEach(f -> problems.addAll(routes.check(f)));
        }
        List<Path> mappingFiles = files(mappingsDir, ".yaml", problems);
        problems.addAll(hl7Mappings(mappingsDir));
        problems.addAll(referralQuestions(mappingsDir));
        problems.addAll(resultMappings(mappingsDir));
        List<Path> confFiles = new ArrayList<>();
        confFiles.addAll(files(confDir, ".yaml", problems));
        confFiles.addAll(files(confDir, ".mustache", problems));
        confFiles.addAll(files(confDir, ".properties", problems));
        problems.addAll(justificationRules(confDir));
        Problems.load(confDir, () -> new ReferenceDataLoader().load(confDir), problems);
        var pathway = Problems.load(confDir.resolve(PathwaySettingsLoader.FILE),
                () -> new PathwaySettingsLoader().load(confDir.resolve(PathwaySettingsLoader.FILE)), problems);
        if (pathway != null) {
            Path kpi = confDir.resolve(org.dxaflow.kpi.KpiSettingsLoader.FILE);
            Problems.load(kpi, () -> new org.dxaflow.kpi.KpiSettingsLoader().load(kpi, pathway), problems);
        }
        problems.addAll(report(confDir));
        problems.addAll(users(confDir));
        return new CheckReport(routeFiles.size(), mappingFiles.size(), confFiles.size(), problems);
    }

    /** mappings/hl7: the files {@link MessageReader} reads (inbound, patient, order, adt, appointment). */
    public static List<String> hl7Mappings(Path mappingsDir) {
        // MessageReader stops at the first file that fails; each file alone gives them all.
        Path hl7 = mappingsDir.resolve("hl7");
        List<String> out = new ArrayList<>(Problems.of(hl7.resolve("inbound.yaml"),
                () -> org.dxaflow.hl7.SupportedMessages.load(hl7.resolve("inbound.yaml"))));
        out.addAll(Problems.of(hl7.resolve("patient.yaml"),
                () -> org.dxaflow.hl7.PatientMapper.load(hl7.resolve("patient.yaml"))));
        out.addAll(Problems.of(hl7.resolve("order.yaml"),
                () -> org.dxaflow.hl7.OrderMapper.load(hl7.resolve("order.yaml"))));
        out.addAll(Problems.of(hl7.resolve("adt.yaml"),
                () -> org.dxaflow.hl7.MergeMapper.load(hl7.resolve("adt.yaml"))));
        out.addAll(Problems.of(hl7.resolve("appointment.yaml"),
                () -> org.dxaflow.hl7.AppointmentMapper.load(hl7.resolve("appointment.yaml"))));
        return out;
    }

    public static List<String> referralQuestions(Path mappingsDir) {
        Path file = mappingsDir.resolve("hl7").resolve("referral-questions.yaml");
        return Problems.of(file, () -> ReferralQuestionMapping.load(file));
    }

    public static List<String> resultMappings(Path mappingsDir) {
        Path dir = mappingsDir.resolve("results");
        return Problems.of(dir, () -> ResultMappings.load(dir));
    }

    public static List<String> justificationRules(Path confDir) {
        Path dir = confDir.resolve("justification");
        return Problems.of(dir, () -> new RuleSetLoader().load(dir));
    }

    /** conf/report: the codes, report.yaml and every template, each template compiled on its own. */
    static List<String> report(Path confDir) {
        List<String> out = new ArrayList<>();
        Problems.load(confDir, () -> new ReportCodesLoader().load(confDir), out);
        var reportConf = Problems.load(confDir, () -> new ReportConfLoader().load(confDir), out);
        Path dir = confDir.resolve("report");
        int before = out.size();
        List<Path> templates = files(dir, ".mustache", out);
        for (Path template : templates) {
            out.addAll(template(dir, template));
        }
        if (reportConf != null && out.size() == before) {
            // the wording names the templates it needs: one missing is reported here
            Problems.load(dir, () -> new ReportWording(confDir, reportConf), out);
        }
        return out;
    }

    /** One Mustache template compiled as the report's wording compiles it; an unclosed section names its line. */
    static List<String> template(Path dir, Path template) {
        try {
            new DefaultMustacheFactory(dir.toFile()).compile(template.getFileName().toString());
            return List.of();
        } catch (MustacheException e) {
            String message = Problems.message(e);
            Matcher at = MUSTACHE_AT.matcher(message);
            String line = "";
            while (at.find()) {
                line = ":" + at.group(2); // the innermost position is the last one named
            }
            Matcher unclosed = UNCLOSED.matcher(message);
            if (unclosed.find()) {
                line = openingLine(template, unclosed.group(1)).map(l -> ":" + l).orElse(line);
            }
            return List.of(template + line + ": " + message);
        }
    }

    /** The line of the last opening {@code {{#name}}} or {@code {{^name}}} tag: where the unclosed section starts. */
    private static java.util.Optional<Integer> openingLine(Path template, String name) {
        try {
            List<String> lines = Files.readAllLines(template);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String l = lines.get(i).replace(" ", "");
                if (l.contains("{{#" + name + "}}") || l.contains("{{^" + name + "}}")) {
                    return java.util.Optional.of(i + 1);
                }
            }
        } catch (IOException e) {
            // the position mustache.java gave stands
        }
        return java.util.Optional.empty();
    }

    /** conf/users.yaml, when there is one, read by the loader the engine uses (roles, bcrypt hashes, duplicates). */
    static List<String> users(Path confDir) {
        Path file = confDir.resolve(USERS_FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            new org.dxaflow.access.UsersLoader().load(file);
            return List.of();
        } catch (org.dxaflow.conf.ConfException e) {
            return e.problems();
        }
    }

    /** The files under {@code dir} (any depth) whose names end so, sorted; a missing directory is a problem. */
    static List<Path> files(Path dir, String suffix, List<String> problems) {
        if (!Files.isDirectory(dir)) {
            problems.add(dir + ": directory not found");
            return List.of();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
