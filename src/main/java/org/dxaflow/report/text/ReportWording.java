package org.dxaflow.report.text;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import org.dxaflow.clinical.MenopausalAssessment;
import org.dxaflow.clinical.Sex;
import org.dxaflow.densitometry.DensitometryResult;
import org.dxaflow.densitometry.ExcludedVertebra;
import org.dxaflow.densitometry.ExclusionStatus;
import org.dxaflow.densitometry.Flag;
import org.dxaflow.densitometry.FlagCode;
import org.dxaflow.densitometry.LowestTScore;
import org.dxaflow.densitometry.Site;
import org.dxaflow.densitometry.SpineResult;
import org.dxaflow.densitometry.WhoCategory;
import org.dxaflow.report.ReportDocument;
import org.dxaflow.report.ReportSection;
import org.dxaflow.report.ReportStatus;
import org.dxaflow.report.ReportText;
import org.dxaflow.report.Verification;
import org.dxaflow.results.ScanDetails;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The report's words: each section rendered from its Mustache template under {@code conf/report/},
 * from a view model of plain values built here from the {@link ReportDocument}. The clinical
 * sentences are in the templates and {@code conf/report/report.yaml}, each with its source, so a
 * service changes them without code; Java only decides which facts are true (category, flags,
 * significance) and formats the figures as the result stores them.
 *
 * <p>Templates are compiled once, in the constructor; a missing or malformed one stops start-up with
 * its file name. Instances are immutable and thread-safe (Mustache's compiled templates are).
 *
 * <p>Fail-safe: a result the engine could not classify (no WHO category, menopausal status not
 * stated, NEEDS_REPORTER_REVIEW) gets the templates' "not classified" / "needs review" words, never a
 * default category.
 */
public final class ReportWording {

    /** Section key to its template file, in reading order (keys as documented on {@link ReportText}). */
    static final Map<String, String> TEMPLATES = templates();
    static final String CONCLUSION = "conclusion.mustache";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);
    private static final List<Site> DIAGNOSTIC = List.of(Site.FEMORAL_NECK, Site.TOTAL_HIP, Site.RADIUS_33);

    private final ReportConf conf;
    private final Map<String, Mustache> sections;
    private final Mustache conclusion;

    public ReportWording(Path confDir) {
        this(confDir, new ReportConfLoader().load(confDir));
    }

    public ReportWording(Path confDir, ReportConf conf) {
        this.conf = Objects.requireNonNull(conf, "conf");
        Path dir = confDir.resolve("report");
        // plain text, not HTML: Mustache's default HTML escaping would turn "<" into "&lt;" in a report
        DefaultMustacheFactory factory = new DefaultMustacheFactory(dir.toFile()) {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        Map<String, Mustache> compiled = new LinkedHashMap<>();
        TEMPLATES.forEach((key, file) -> compiled.put(key, compile(factory, dir, file)));
        this.sections = Map.copyOf(compiled);
        this.conclusion = compile(factory, dir, CONCLUSION);
    }

    public ReportConf conf() {
        return conf;
    }

    public ReportText render(ReportDocument doc) {
        Map<String, Object> view = view(doc);
        List<ReportSection> out = new ArrayList<>();
        for (String key : TEMPLATES.keySet()) {
            String text = clean(run(sections.get(key), view));
            if (!text.isEmpty()) {
                out.add(new ReportSection(key, conf.heading(key), text));
            }
        }
        String summary = run(conclusion, view).replaceAll("\\s+", " ").trim();
        return new ReportText(out, summary);
    }

    // ---- the view model: plain values, no words ----

    Map<String, Object> view(ReportDocument doc) {
        DensitometryResult r = doc.result();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("hasResult", r != null);
        v.put("preliminary", doc.status() == ReportStatus.PRELIMINARY);
        Verification verification = doc.verification();
        if (verification != null && doc.status().isVerified()) {
            v.put("verified", true);
            put(v, "reporterName", verification.reporter().name());
            put(v, "reporterRole", verification.reporter().role());
            put(v, "verifiedAt", verification.at() == null ? null
                    : DAY_TIME.format(verification.at().atZone(conf.timeZone())));
        }
        put(v, "reporterText", doc.reporterText());
        put(v, "addendum", doc.addendum());
        if (doc.amendment() != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            put(a, "reason", doc.amendment().reason());
            put(a, "text", doc.amendment().text());
            v.put("amendment", a);
        }
        v.put("studyMismatch", doc.scan() != null && doc.scan().studyMismatch());
        v.put("scan", scan(doc));
        if (r == null) {
            return v;
        }
        List<ResultRow> rows = ReportFacts.rows(r);
        List<ChangeRow> changes = ReportFacts.changes(r);
        v.put("sites", rows.stream().map(ReportWording::row).toList());
        put(v, "siteList", rows.stream().map(x -> x.name() + (x.side().isEmpty() ? "" : " (" + x.side() + ")"))
                .collect(Collectors.joining(", ")));
        v.put("changes", changes.stream().map(ReportWording::change).toList());
        v.put("hasChanges", !changes.isEmpty());
        technical(r, v);
        classification(doc, r, rows, v);
        investigation(r, rows, changes, v);
        followUp(v, changes);
        frax(r, rows, doc, v);
        return v;
    }

    private Map<String, Object> scan(ReportDocument doc) {
        Map<String, Object> s = new LinkedHashMap<>();
        if (doc.scan() == null) {
            return s;
        }
        put(s, "date", doc.scan().scanDate() == null ? null : DAY.format(doc.scan().scanDate()));
        ScanDetails d = doc.scan().details();
        if (d != null) {
            put(s, "scanner", (nz(d.manufacturer()) + " " + nz(d.model())).trim());
            put(s, "software", d.softwareVersion());
            put(s, "referenceDatabase", d.referenceDatabase());
        }
        if (!s.containsKey("scanner") || s.get("scanner") == null) {
            s.put("scanner", "the scanner");
        }
        return s;
    }

    private static void technical(DensitometryResult r, Map<String, Object> v) {
        List<Map<String, Object>> notEvaluable = messages(r, FlagCode.SITE_NOT_EVALUABLE);
        v.put("notEvaluable", notEvaluable);
        v.put("allEvaluable", notEvaluable.isEmpty());
        SpineResult spine = r.spine();
        List<Map<String, Object>> excluded = new ArrayList<>();
        if (spine != null) {
            for (ExcludedVertebra e : spine.excludedVertebrae()) {
                Map<String, Object> x = new LinkedHashMap<>();
                put(x, "vertebra", e.site().externalName());
                put(x, "reason", e.reason());
                x.put("proposed", e.status() == ExclusionStatus.PROPOSED);
                x.put("confirmed", e.status() == ExclusionStatus.CONFIRMED);
                excluded.add(x);
            }
            put(v, "spineLabel", spine.label());
            put(v, "allVertebraeLabel", spine.allVertebrae() == null ? null : spine.allVertebrae().label());
        }
        v.put("excluded", excluded);
        put(v, "allVertebraeCategory", categoryName(r.whoCategoryAllVertebrae()));
        v.put("vendorDisagreement", messages(r, FlagCode.VENDOR_DISAGREEMENT));
        v.put("referenceDiffer", messages(r, FlagCode.REFERENCE_DATABASES_DIFFER));
        v.put("priorNotComparable", messages(r, FlagCode.PRIOR_NOT_COMPARABLE));
        v.put("defaultLsc", has(r, FlagCode.DEFAULT_LSC));
    }

    private static void classification(ReportDocument doc, DensitometryResult r, List<ResultRow> rows,
                                       Map<String, Object> v) {
        WhoCategory c = r.whoCategory();
        MenopausalAssessment menopause = r.menopausalStatus();
        LowestTScore lowest = r.lowestTScore();
        // women: the stated or inferred status decides (unknown is neither approach); men: the engine
        // marks the T-score "not for diagnosis" under the WHO minimum age
        boolean zApproach = r.zScoreInterpretation() != null || (menopause != null ? menopause.premenopausal()
                : lowest != null && !lowest.forDiagnosis());
        boolean menopausalUnknown = !zApproach && c == null && menopause != null && menopause.unknown();
        v.put("needsReview", r.needsReporterReview());
        v.put("reviewReasons", messages(r, FlagCode.NEEDS_REPORTER_REVIEW));
        v.put("normal", c == WhoCategory.NORMAL);
        v.put("osteopenia", c == WhoCategory.OSTEOPENIA);
        v.put("osteoporosis", c == WhoCategory.OSTEOPOROSIS);
        v.put("severe", c == WhoCategory.SEVERE_OSTEOPOROSIS);
        v.put("treatmentCategory", c == WhoCategory.OSTEOPOROSIS || c == WhoCategory.SEVERE_OSTEOPOROSIS);
        v.put("zApproach", zApproach);
        v.put("menopausalUnknown", menopausalUnknown);
        v.put("whoNotDetermined", !zApproach && !menopausalUnknown && c == null);
        Sex sex = doc.order() == null ? null : doc.order().patient().demographics().sex();
        v.put("female", sex == Sex.F);
        v.put("male", sex == Sex.M);
        put(v, "zWording", r.zScoreInterpretation());
        v.put("zBelow", has(r, FlagCode.LOW_Z_SCORE) && r.zScoreInterpretation() != null);
        put(v, "lowestZ", lowestZ(rows));
        if (menopause != null) {
            put(v, "menopausalBasis", menopause.basis());
            put(v, "menopausalStatus", menopause.status().name().toLowerCase(Locale.ROOT));
            v.put("menopausalInferred", menopause.inferred() && !menopause.unknown());
        }
        if (lowest != null) {
            Map<String, Object> l = new LinkedHashMap<>();
            String side = SiteNames.side(lowest.laterality());
            String site = lowerFirst(lowest.site().isLumbar() && r.spine() != null
                    ? SiteNames.name(r.spine().label()) : SiteNames.name(lowest.site()));
            put(l, "site", site + (side.isEmpty() ? "" : " (" + side + ")"));
            put(l, "value", ReportFacts.plain(lowest.value()));
            l.put("notForDiagnosis", !lowest.forDiagnosis());
            v.put("lowest", l);
        }
    }

    /** The lowest Z-score shown at a diagnostic region (spine, femoral neck, total hip, 33 % radius). */
    private static String lowestZ(List<ResultRow> rows) {
        return rows.stream()
                .filter(x -> !x.z().isEmpty())
                .filter(x -> x.site().startsWith("L") || DIAGNOSTIC.stream().anyMatch(s -> s.externalName().equals(x.site())))
                .map(ResultRow::z).map(BigDecimal::new).min(BigDecimal::compareTo)
                .map(BigDecimal::toPlainString).orElse(null);
    }

    private static void investigation(DensitometryResult r, List<ResultRow> rows, List<ChangeRow> changes,
                                      Map<String, Object> v) {
        List<Map<String, Object>> fractures = new ArrayList<>();
        for (Flag f : flags(r, FlagCode.VERTEBRAL_FRACTURE_ON_VFA)) {
            // the engine's message ends with its own advice; the template says what to do
            int advice = f.message().lastIndexOf(": ");
            fractures.add(text(advice > 0 ? f.message().substring(0, advice) : f.message()));
        }
        v.put("vertebralFracture", fractures);
        List<Map<String, Object>> lowZ = new ArrayList<>();
        for (Flag f : flags(r, FlagCode.LOW_Z_SCORE)) {
            String name = f.site() == null ? "" : f.site().isLumbar() && r.spine() != null
                    ? SiteNames.name(r.spine().label()) : SiteNames.name(f.site());
            String side = SiteNames.side(f.laterality());
            Map<String, Object> z = new LinkedHashMap<>();
            put(z, "name", lowerFirst(name));
            put(z, "side", side);
            put(z, "z", rows.stream().filter(x -> x.name().equals(name) && x.side().equals(side)).map(ResultRow::z)
                    .findFirst().orElse(null));
            lowZ.add(z);
        }
        v.put("lowZ", lowZ);
        List<Map<String, Object>> loss = changes.stream().filter(c -> c.significant() && c.loss())
                .map(ReportWording::change).toList();
        v.put("loss", loss);
        v.put("lossSummary", !loss.isEmpty());
        List<Map<String, Object>> notEvaluable = flags(r, FlagCode.SITE_NOT_EVALUABLE).stream()
                .filter(Flag::furtherInvestigation).map(f -> text(capitalise(f.message()))).toList();
        v.put("notEvaluableDiagnostic", notEvaluable);
        v.put("anyInvestigation", !fractures.isEmpty() || !lowZ.isEmpty() || !loss.isEmpty() || !notEvaluable.isEmpty());
    }

    private void followUp(Map<String, Object> v, List<ChangeRow> changes) {
        String key;
        if (Boolean.TRUE.equals(v.get("needsReview")) || Boolean.TRUE.equals(v.get("menopausalUnknown"))
                || Boolean.TRUE.equals(v.get("whoNotDetermined"))) {
            key = "notClassified";
        } else if (Boolean.TRUE.equals(v.get("zApproach"))) {
            key = v.get("zWording") == null ? "notClassified" : "zScore";
        } else {
            key = categoryKey(v);
        }
        put(v, "interval", conf.followUp(key).orElse(null));
        if (Boolean.TRUE.equals(v.get("lossSummary"))) {
            put(v, "lossInterval", conf.followUp("significantLoss").orElse(null));
        }
    }

    private static String categoryKey(Map<String, Object> v) {
        if (Boolean.TRUE.equals(v.get("severe"))) {
            return WhoCategory.SEVERE_OSTEOPOROSIS.name();
        }
        if (Boolean.TRUE.equals(v.get("osteoporosis"))) {
            return WhoCategory.OSTEOPOROSIS.name();
        }
        if (Boolean.TRUE.equals(v.get("osteopenia"))) {
            return WhoCategory.OSTEOPENIA.name();
        }
        return Boolean.TRUE.equals(v.get("normal")) ? WhoCategory.NORMAL.name() : "notClassified";
    }

    private void frax(DensitometryResult r, List<ResultRow> rows, ReportDocument doc, Map<String, Object> v) {
        // the referral's values are in the engine's flag after "...: " (the values, not words)
        flags(r, FlagCode.FRAX_FROM_REFERRAL).stream().findFirst().map(Flag::message)
                .map(m -> m.indexOf(": ") > 0 ? m.substring(m.indexOf(": ") + 2) : m)
                .ifPresent(m -> put(v, "fraxFromReferral", m));
        String neck = rows.stream().filter(x -> x.site().equals(Site.FEMORAL_NECK.externalName()) && !x.bmd().isEmpty())
                .map(x -> x.bmd() + " g/cm²" + (x.side().isEmpty() ? "" : " (" + x.side() + ")"))
                .collect(Collectors.joining(", "));
        put(v, "neckBmd", neck.isEmpty() ? "(not measured)" : neck);
        put(v, "fraxToolUrl", conf.fraxToolUrl());
        ScanDetails d = doc.scan() == null ? null : doc.scan().details();
        put(v, "scanner", d == null ? null : nz(d.manufacturer()));
    }

    private static Map<String, Object> row(ResultRow x) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "name", x.name());
        put(m, "side", x.side());
        put(m, "bmd", x.bmd().isEmpty() ? "not measured" : x.bmd());
        put(m, "t", x.t());
        m.put("tScanner", x.tScanner());
        put(m, "z", x.z());
        m.put("zScanner", x.zScanner());
        return m;
    }

    private static Map<String, Object> change(ChangeRow c) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "name", c.name());
        put(m, "side", c.side());
        put(m, "current", c.current());
        put(m, "prior", c.prior());
        put(m, "delta", c.delta());
        put(m, "percent", c.percent());
        put(m, "lsc", c.lsc());
        put(m, "significance", c.significance());
        m.put("comparable", c.comparable());
        m.put("lscIsDefault", c.lscIsDefault());
        return m;
    }

    // ---- helpers ----

    private static List<Flag> flags(DensitometryResult r, FlagCode code) {
        return r.flags().stream().filter(f -> f.code() == code).toList();
    }

    private static boolean has(DensitometryResult r, FlagCode code) {
        return r.flags().stream().anyMatch(f -> f.code() == code);
    }

    private static List<Map<String, Object>> messages(DensitometryResult r, FlagCode code) {
        return flags(r, code).stream().map(f -> text(f.message())).toList();
    }

    private static Map<String, Object> text(String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", text);
        return m;
    }

    private static String categoryName(WhoCategory c) {
        return c == null ? null : c.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** "Femoral neck" -> "femoral neck" for the middle of a sentence; "L1-L4" keeps its capitals. */
    private static String lowerFirst(String s) {
        return s == null || s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String capitalise(String s) {
        return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Blank values are left out, so a template's {{#x}} section is false for them. */
    private static void put(Map<String, Object> m, String key, String value) {
        m.put(key, value == null || value.isBlank() ? null : value);
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }

    private static String run(Mustache template, Map<String, Object> view) {
        StringWriter out = new StringWriter();
        template.execute(out, view);
        return out.toString();
    }

    /** Trailing spaces off, at most one blank line between paragraphs, no blank lines at the ends. */
    static String clean(String text) {
        String lines = text.lines().map(String::stripTrailing).collect(Collectors.joining("\n"));
        return lines.replaceAll("\n{3,}", "\n\n").strip();
    }

    private static Mustache compile(DefaultMustacheFactory factory, Path dir, String file) {
        Path path = dir.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + ": report template not found");
        }
        try {
            return factory.compile(file);
        } catch (MustacheException e) {
            throw new IllegalStateException(path + ": report template error: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> templates() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("technical", "technical.mustache");
        t.put("results", "results.mustache");
        t.put("interpretation", "interpretation.mustache");
        t.put("investigation", "investigation.mustache");
        t.put("followUp", "follow-up.mustache");
        t.put("frax", "frax.mustache");
        t.put("reporterText", "reporter-text.mustache");
        t.put("addendum", "addendum.mustache");
        t.put("amendment", "amendment.mustache");
        return java.util.Collections.unmodifiableMap(t);
    }
}
