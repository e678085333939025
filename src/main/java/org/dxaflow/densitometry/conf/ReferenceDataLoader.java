package org.dxaflow.densitometry.conf;

import org.dxaflow.clinical.MenopausalStatusRule;
import org.dxaflow.clinical.Sex;
import org.dxaflow.conf.ConfNode;
import org.dxaflow.conf.ConfProblems;
import org.dxaflow.conf.Location;
import org.dxaflow.conf.YamlFile;
import org.dxaflow.densitometry.DensitometryConfig;
import org.dxaflow.densitometry.DensitometrySettings;
import org.dxaflow.densitometry.LeastSignificantChange;
import org.dxaflow.densitometry.Manufacturer;
import org.dxaflow.densitometry.ReferenceData;
import org.dxaflow.densitometry.ReferenceDataset;
import org.dxaflow.densitometry.ReferencePopulation;
import org.dxaflow.densitometry.SbmdEquation;
import org.dxaflow.densitometry.ScoreUse;
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
 * Every value must carry a citation; every problem is reported as {@code file:line:column: message}
 * in one {@link org.dxaflow.conf.ConfException}. Nothing is defaulted in code.
 */
public final class ReferenceDataLoader {

    private static final String SITES = "site names such as FEMORAL_NECK, TOTAL_HIP, L1-L4";
    private static final String SCALES = "HOLOGIC, GE_LUNAR, NORLAND";

    /** A value read from conf and where it was, for the checks across files. */
    private record Placed<T>(T value, Location at) {
    }

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
        ConfProblems problems = new ConfProblems();
        ReferenceData data = loadReferenceData(referenceDataDir, problems);
        SettingsLoader settingsLoader = new SettingsLoader();
        DensitometrySettings settings = settingsLoader.loadSettings(settingsFile, problems);
        LeastSignificantChange lsc = settingsLoader.loadLsc(lscFile, problems);
        MenopausalStatusRule menopause = settingsLoader.loadMenopausalStatus(menopausalStatusFile, problems);
        problems.throwIfAny();
        return new DensitometryConfig(data, settings, lsc, menopause);
    }

    /** Only conf/clinical/menopausal-status.yaml (for callers that need the rule without densitometry). */
    public MenopausalStatusRule loadMenopausalStatus(Path file) {
        ConfProblems problems = new ConfProblems();
        MenopausalStatusRule rule = new SettingsLoader().loadMenopausalStatus(file, problems);
        problems.throwIfAny();
        return rule;
    }

    ReferenceData loadReferenceData(Path dir, ConfProblems problems) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            problems.add(Location.of(dir), "cannot list reference data directory: " + e.getMessage());
            return new ReferenceData(List.of(), List.of(), List.of());
        }
        List<ReferenceDataset> datasets = new ArrayList<>();
        List<Placed<ReferencePopulation>> populations = new ArrayList<>();
        List<Placed<SbmdEquation>> equations = new ArrayList<>();
        for (Path file : files) {
            ConfNode root = YamlFile.read(file, problems);
            Optional<String> kind = root.get("kind").parse(
                    k -> Optional.of(k).filter(x -> x.equals("reference-populations") || x.equals("sbmd-equations")),
                    "reference-populations, sbmd-equations");
            if (kind.isEmpty()) {
                continue;
            }
            ReferenceDataset ds = dataset(root, file);
            datasets.add(ds);
            if (kind.get().equals("reference-populations")) {
                for (ConfNode n : root.list("populations")) {
                    population(n, ds, problems).ifPresent(populations::add);
                }
            } else {
                for (ConfNode n : root.list("equations")) {
                    equation(n, problems).ifPresent(equations::add);
                }
            }
            root.finish();
        }
        checkUnambiguous(populations, equations, problems);
        return new ReferenceData(datasets, populations.stream().map(Placed::value).toList(),
                equations.stream().map(Placed::value).toList());
    }

    private static ReferenceDataset dataset(ConfNode root, Path file) {
        return new ReferenceDataset(root.nonBlank("dataset"), root.nonBlank("version"), root.nonBlank("citation"),
                file.getFileName().toString());
    }

    private static Optional<Placed<ReferencePopulation>> population(ConfNode r, ReferenceDataset ds,
                                                                    ConfProblems problems) {
        int before = problems.count();
        String id = r.nonBlank("id");
        String name = r.nonBlank("name");
        Optional<Site> site = r.get("site").parse(Site::parse, SITES);
        Optional<Sex> sex = r.get("sex").parse(Sex::parse, "F, M");
        int from = r.integer("ageFrom", 0, 130);
        int to = r.integer("ageTo", 0, 130);
        BigDecimal mean = r.positiveDecimal("mean");
        BigDecimal sd = r.positiveDecimal("sd");
        Optional<Manufacturer> scale = r.get("scale").parse(ReferenceDataLoader::calibratedManufacturer, SCALES);
        String citation = r.nonBlank("citation");
        Set<ScoreUse> uses = EnumSet.noneOf(ScoreUse.class);
        for (ConfNode u : r.list("uses")) {
            u.parse(text -> Stream.of(ScoreUse.values()).filter(x -> x.name().equalsIgnoreCase(text)).findFirst(),
                    "T_SCORE, Z_SCORE").ifPresent(uses::add);
        }
        if (uses.isEmpty() && r.has("uses")) {
            r.problem("uses", "must list T_SCORE and/or Z_SCORE");
        }
        if (problems.count() == before && from > to) {
            r.problem("ageFrom", "ageFrom " + from + " is greater than ageTo " + to);
        }
        r.finish();
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new Placed<>(new ReferencePopulation(id, name, site.get(), sex.get(), from, to, mean, sd,
                uses, scale.get(), citation, ds.name() + " " + ds.version(), r.location().shortForm()), r.location()));
    }

    private static Optional<Placed<SbmdEquation>> equation(ConfNode r, ConfProblems problems) {
        int before = problems.count();
        Optional<Manufacturer> m = r.get("manufacturer").parse(ReferenceDataLoader::calibratedManufacturer, SCALES);
        BigDecimal intercept = r.decimal("intercept");
        BigDecimal slope = r.positiveDecimal("slope");
        BigDecimal center = r.has("center") ? r.decimal("center") : BigDecimal.ZERO;
        String citation = r.nonBlank("citation");
        Set<Site> sites = new LinkedHashSet<>();
        for (ConfNode s : r.list("sites")) {
            s.parse(Site::parse, SITES).ifPresent(sites::add);
        }
        if (sites.isEmpty() && r.has("sites")) {
            r.problem("sites", "must list at least one site");
        }
        r.finish();
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new Placed<>(new SbmdEquation(m.get(), sites, intercept, slope, center, citation,
                r.location().shortForm()), r.location()));
    }

    /** OTHER has no published calibration, so it can never be a reference scale or have an equation. */
    private static Optional<Manufacturer> calibratedManufacturer(String text) {
        return Manufacturer.parse(text).filter(m -> m != Manufacturer.OTHER);
    }

    /** One young-adult band per site and sex, non-overlapping age bands, one equation per manufacturer and site. */
    private static void checkUnambiguous(List<Placed<ReferencePopulation>> populations,
                                         List<Placed<SbmdEquation>> equations, ConfProblems problems) {
        Map<String, Placed<ReferencePopulation>> young = new HashMap<>();
        for (Placed<ReferencePopulation> placed : populations) {
            ReferencePopulation p = placed.value();
            if (p.usableFor(ScoreUse.T_SCORE)) {
                Placed<ReferencePopulation> other = young.putIfAbsent(p.site() + "/" + p.sex(), placed);
                if (other != null) {
                    problems.add(placed.at(), "second young-adult T-score reference for " + p.site() + " sex "
                            + p.sex() + " (first at " + other.at() + ")");
                }
            }
        }
        for (int i = 0; i < populations.size(); i++) {
            for (int j = i + 1; j < populations.size(); j++) {
                ReferencePopulation a = populations.get(i).value();
                ReferencePopulation b = populations.get(j).value();
                Location at = populations.get(j).at();
                if (a.id().equals(b.id())) {
                    problems.add(at, "duplicate population id '" + b.id() + "' (also at " + populations.get(i).at()
                            + ")");
                }
                boolean overlap = a.site() == b.site() && a.sex() == b.sex() && a.usableFor(ScoreUse.Z_SCORE)
                        && b.usableFor(ScoreUse.Z_SCORE) && a.ageFrom() <= b.ageTo() && b.ageFrom() <= a.ageTo();
                if (overlap) {
                    problems.add(at, "Z-score age band " + b.ageFrom() + "-" + b.ageTo() + " overlaps "
                            + a.ageFrom() + "-" + a.ageTo() + " at " + populations.get(i).at());
                }
            }
        }
        Map<String, Placed<SbmdEquation>> seen = new HashMap<>();
        for (Placed<SbmdEquation> placed : equations) {
            SbmdEquation e = placed.value();
            for (Site s : e.sites()) {
                Placed<SbmdEquation> other = seen.putIfAbsent(e.manufacturer() + "/" + s, placed);
                if (other != null) {
                    problems.add(placed.at(), "second sBMD equation for " + e.manufacturer() + " at " + s
                            + " (first at " + other.at() + ")");
                }
            }
        }
    }
}
