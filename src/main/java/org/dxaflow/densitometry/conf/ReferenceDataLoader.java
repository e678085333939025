package org.dxaflow.densitometry.conf;

import org.dxaflow.clinical.MenopausalStatusRule;
import org.dxaflow.densitometry.DensitometryConfig;
import org.dxaflow.densitometry.DensitometrySettings;
import org.dxaflow.densitometry.LeastSignificantChange;
import org.dxaflow.densitometry.Manufacturer;
import org.dxaflow.densitometry.ReferenceData;
import org.dxaflow.densitometry.ReferenceDataset;
import org.dxaflow.densitometry.ReferencePopulation;
import org.dxaflow.densitometry.SbmdEquation;
import org.dxaflow.densitometry.ScoreUse;
import org.dxaflow.densitometry.Sex;
import org.dxaflow.densitometry.Site;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads and validates the densitometry conf:
 * <ul>
 *   <li>{@code <conf>/reference-data/*.yaml}: files of {@code kind: reference-populations} (mean/SD
 *       bands) and {@code kind: sbmd-equations};</li>
 *   <li>{@code <conf>/densitometry/settings.yaml} and {@code <conf>/densitometry/lsc.yaml}.</li>
 * </ul>
 * Every value must carry a citation; any problem is reported as "file:line: message" in one
 * {@link ConfigException}. Nothing is defaulted in code.
 */
public final class ReferenceDataLoader {

    private static final Set<String> POPULATION_FILE_KEYS =
            Set.of("kind", "dataset", "version", "citation", "populations");
    private static final Set<String> POPULATION_KEYS = Set.of("id", "name", "site", "sex", "ageFrom", "ageTo",
            "mean", "sd", "uses", "scale", "citation");
    private static final Set<String> EQUATION_FILE_KEYS = Set.of("kind", "dataset", "version", "citation", "equations");
    private static final Set<String> EQUATION_KEYS =
            Set.of("manufacturer", "sites", "intercept", "slope", "center", "citation");

    private final YamlTreeReader yaml = new YamlTreeReader();

    /**
     * Loads {@code confDir/reference-data}, {@code confDir/densitometry/settings.yaml}, {@code lsc.yaml}
     * and {@code confDir/clinical/menopausal-status.yaml}.
     */
    public DensitometryConfig load(Path confDir) {
        return load(confDir.resolve("reference-data"), confDir.resolve("densitometry/settings.yaml"),
                confDir.resolve("densitometry/lsc.yaml"), confDir.resolve("clinical/menopausal-status.yaml"));
    }

    /** Same, with the files named individually (e.g. a service-specific LSC file). */
    public DensitometryConfig load(Path referenceDataDir, Path settingsFile, Path lscFile, Path menopausalStatusFile) {
        ConfigErrors errors = new ConfigErrors();
        ReferenceData data = loadReferenceData(referenceDataDir, errors);
        SettingsLoader settingsLoader = new SettingsLoader(yaml);
        DensitometrySettings settings = settingsLoader.loadSettings(settingsFile, errors);
        LeastSignificantChange lsc = settingsLoader.loadLsc(lscFile, errors);
        MenopausalStatusRule menopause = settingsLoader.loadMenopausalStatus(menopausalStatusFile, errors);
        errors.throwIfAny();
        return new DensitometryConfig(data, settings, lsc, menopause);
    }

    /** Only conf/clinical/menopausal-status.yaml (for callers that need the rule without densitometry). */
    public MenopausalStatusRule loadMenopausalStatus(Path file) {
        ConfigErrors errors = new ConfigErrors();
        MenopausalStatusRule rule = new SettingsLoader(yaml).loadMenopausalStatus(file, errors);
        errors.throwIfAny();
        return rule;
    }

    ReferenceData loadReferenceData(Path dir, ConfigErrors errors) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            errors.add(dir.toString(), "cannot list reference data directory: " + e.getMessage());
            return new ReferenceData(List.of(), List.of(), List.of());
        }
        List<ReferenceDataset> datasets = new ArrayList<>();
        List<ReferencePopulation> populations = new ArrayList<>();
        List<SbmdEquation> equations = new ArrayList<>();
        for (Path file : files) {
            MapReader root = MapReader.of(yaml.read(file, errors), "file", errors);
            if (root == null) {
                continue;
            }
            String kind = root.string("kind");
            if ("reference-populations".equals(kind)) {
                root.onlyKeys(POPULATION_FILE_KEYS);
                ReferenceDataset ds = dataset(root, file);
                datasets.add(ds);
                for (YamlNode n : root.list("populations")) {
                    population(n, ds, errors).ifPresent(populations::add);
                }
            } else if ("sbmd-equations".equals(kind)) {
                root.onlyKeys(EQUATION_FILE_KEYS);
                datasets.add(dataset(root, file));
                for (YamlNode n : root.list("equations")) {
                    equation(n, errors).ifPresent(equations::add);
                }
            } else if (kind != null) {
                errors.add(root.where("kind"), "unknown kind '" + kind + "' (allowed: reference-populations, sbmd-equations)");
            }
        }
        checkUnambiguous(populations, equations, errors);
        return new ReferenceData(datasets, populations, equations);
    }

    private static ReferenceDataset dataset(MapReader root, Path file) {
        return new ReferenceDataset(root.string("dataset"), root.string("version"), root.string("citation"),
                file.getFileName().toString());
    }

    private static Optional<ReferencePopulation> population(YamlNode n, ReferenceDataset ds, ConfigErrors errors) {
        MapReader r = MapReader.of(n, "population", errors);
        if (r == null) {
            return Optional.empty();
        }
        r.onlyKeys(POPULATION_KEYS);
        String id = r.string("id");
        String name = r.string("name");
        Site site = r.enumValue("site", Site::parse, "site names such as FEMORAL_NECK, TOTAL_HIP, L1-L4");
        Sex sex = r.enumValue("sex", Sex::parse, "F, M");
        Integer from = r.integer("ageFrom", 0, 130);
        Integer to = r.integer("ageTo", 0, 130);
        BigDecimal mean = r.positiveDecimal("mean");
        BigDecimal sd = r.positiveDecimal("sd");
        Manufacturer scale = r.enumValue("scale", ReferenceDataLoader::calibratedManufacturer, "HOLOGIC, GE_LUNAR, NORLAND");
        String citation = r.string("citation");
        Set<ScoreUse> uses = EnumSet.noneOf(ScoreUse.class);
        for (YamlNode u : r.list("uses")) {
            Optional<ScoreUse> use = u instanceof YamlNode.ScalarNode s && s.text() != null
                    ? Stream.of(ScoreUse.values()).filter(x -> x.name().equalsIgnoreCase(s.text().trim())).findFirst()
                    : Optional.empty();
            use.ifPresentOrElse(uses::add, () -> errors.add(u.where(), "unknown use (allowed: T_SCORE, Z_SCORE)"));
        }
        if (uses.isEmpty()) {
            errors.add(r.where("uses"), "'uses' must list T_SCORE and/or Z_SCORE");
        }
        if (from != null && to != null && from > to) {
            errors.add(r.where("ageFrom"), "ageFrom " + from + " is greater than ageTo " + to);
        }
        if (Stream.of(id, name, site, sex, from, to, mean, sd, scale, citation).anyMatch(x -> x == null)
                || uses.isEmpty() || from > to) {
            return Optional.empty();
        }
        return Optional.of(new ReferencePopulation(id, name, site, sex, from, to, mean, sd, uses, scale, citation,
                ds.name() + " " + ds.version(), r.where()));
    }

    private static Optional<SbmdEquation> equation(YamlNode n, ConfigErrors errors) {
        MapReader r = MapReader.of(n, "equation", errors);
        if (r == null) {
            return Optional.empty();
        }
        r.onlyKeys(EQUATION_KEYS);
        Manufacturer m = r.enumValue("manufacturer", ReferenceDataLoader::calibratedManufacturer,
                "HOLOGIC, GE_LUNAR, NORLAND");
        BigDecimal intercept = r.decimal("intercept");
        BigDecimal slope = r.positiveDecimal("slope");
        BigDecimal center = r.has("center") ? r.decimal("center") : BigDecimal.ZERO;
        String citation = r.string("citation");
        Set<Site> sites = new LinkedHashSet<>();
        for (YamlNode s : r.list("sites")) {
            Optional<Site> site = s instanceof YamlNode.ScalarNode sc ? Site.parse(sc.text()) : Optional.empty();
            site.ifPresentOrElse(sites::add, () -> errors.add(s.where(), "unknown site in 'sites'"));
        }
        if (sites.isEmpty()) {
            errors.add(r.where("sites"), "'sites' must list at least one site");
        }
        if (m == null || intercept == null || slope == null || center == null || citation == null || sites.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SbmdEquation(m, sites, intercept, slope, center, citation, r.where()));
    }

    /** OTHER has no published calibration, so it can never be a reference scale or have an equation. */
    private static Optional<Manufacturer> calibratedManufacturer(String text) {
        return Manufacturer.parse(text).filter(m -> m != Manufacturer.OTHER);
    }

    /** One young-adult band per site and sex, non-overlapping age bands, one equation per manufacturer and site. */
    private static void checkUnambiguous(List<ReferencePopulation> populations, List<SbmdEquation> equations,
                                         ConfigErrors errors) {
        Map<String, ReferencePopulation> young = new HashMap<>();
        for (ReferencePopulation p : populations) {
            if (p.usableFor(ScoreUse.T_SCORE)) {
                ReferencePopulation other = young.putIfAbsent(p.site() + "/" + p.sex(), p);
                if (other != null) {
                    errors.add(p.source(), "second young-adult T-score reference for " + p.site() + " sex " + p.sex()
                            + " (first at " + other.source() + ")");
                }
            }
        }
        for (int i = 0; i < populations.size(); i++) {
            for (int j = i + 1; j < populations.size(); j++) {
                ReferencePopulation a = populations.get(i);
                ReferencePopulation b = populations.get(j);
                if (a.id().equals(b.id())) {
                    errors.add(b.source(), "duplicate population id '" + b.id() + "' (also at " + a.source() + ")");
                }
                boolean overlap = a.site() == b.site() && a.sex() == b.sex() && a.usableFor(ScoreUse.Z_SCORE)
                        && b.usableFor(ScoreUse.Z_SCORE) && a.ageFrom() <= b.ageTo() && b.ageFrom() <= a.ageTo();
                if (overlap) {
                    errors.add(b.source(), "Z-score age band " + b.ageFrom() + "-" + b.ageTo() + " overlaps "
                            + a.ageFrom() + "-" + a.ageTo() + " at " + a.source());
                }
            }
        }
        Map<String, SbmdEquation> seen = new HashMap<>();
        for (SbmdEquation e : equations) {
            for (Site s : e.sites()) {
                SbmdEquation other = seen.putIfAbsent(e.manufacturer() + "/" + s, e);
                if (other != null) {
                    errors.add(e.source(), "second sBMD equation for " + e.manufacturer() + " at " + s
                            + " (first at " + other.source() + ")");
                }
            }
        }
    }
}
