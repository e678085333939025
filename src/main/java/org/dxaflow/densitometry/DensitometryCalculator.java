package org.dxaflow.densitometry;

import org.dxaflow.densitometry.InvestigationFlags.DiagnosticRegion;
import org.dxaflow.densitometry.SiteScorer.ScoredSite;
import org.dxaflow.densitometry.SiteScorer.SourcedScore;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Entry point of the densitometry domain: scores each site, assesses the lumbar spine (ISCD
 * exclusion), decides the WHO category or the Z-score wording, compares with the prior and collects
 * flags. Stateless and thread-safe; all clinical numbers come from the injected, cited conf.
 *
 * <pre>
 * DensitometryConfig conf = new ReferenceDataLoader().load(Path.of("conf"));
 * DensitometryResult result = new DensitometryCalculator(conf).compute(scanInput);
 * </pre>
 */
public final class DensitometryCalculator {

    public static final String ENGINE_VERSION = "dxaflow-densitometry 0.1.0";

    /**
     * Sites whose lowest T-score decides the WHO category besides the lumbar spine (ISCD: lumbar
     * spine, femoral neck, total hip; 33 % radius when the forearm is measured - ISCD measures it only
     * when hip or spine cannot be measured or interpreted, in hyperparathyroidism or in the very obese,
     * so a measured 33 % radius is taken as "used instead"). Both hips count; the lowest decides.
     */
    private static final List<Site> DIAGNOSTIC_SITES = List.of(Site.FEMORAL_NECK, Site.TOTAL_HIP, Site.RADIUS_33);

    private final DensitometryConfig config;
    private final SiteScorer scorer;
    private final SpineAssessment spineAssessment;
    private final WhoClassifier who;
    private final SerialChange serialChange;
    private final InvestigationFlags flags;

    public DensitometryCalculator(DensitometryConfig config) {
        this.config = config;
        DensitometrySettings settings = config.settings();
        SbmdConversion conversion = new SbmdConversion(config.referenceData());
        this.scorer = new SiteScorer(config.referenceData(), settings, conversion);
        this.spineAssessment = new SpineAssessment(scorer,
                new VertebralExclusion(settings.vertebralExclusionDifference(), settings.minimumVertebrae()),
                settings.rounding());
        this.who = new WhoClassifier(settings);
        this.serialChange = new SerialChange(conversion, config.lsc(), settings);
        this.flags = new InvestigationFlags(settings, who);
    }

    public DensitometryResult compute(ScanInput input) {
        List<ScoredSite> scored = input.measurements().stream().map(m -> scorer.score(m, input)).toList();
        Optional<SpineAssessment.Outcome> spine = spineAssessment.assess(scored, input);
        List<DiagnosticRegion> diagnostic = diagnosticRegions(scored, spine);

        Optional<LowestTScore> lowest = diagnostic.stream()
                .filter(r -> r.t().isPresent())
                .min(Comparator.comparing(r -> r.t().get().value()))
                .map(r -> new LowestTScore(r.site(), r.laterality(), r.t().get().value(), r.t().get().source()));

        WhoCategory category = null;
        String zInterpretation = null;
        List<Flag> extra = new ArrayList<>();
        if (who.applies(input)) {
            if (lowest.isPresent()) {
                category = who.classify(lowest.get().value(), input.fragilityFracture());
            } else {
                extra.add(new Flag(FlagCode.WHO_CATEGORY_NOT_DETERMINABLE, null, null,
                        "no T-score at lumbar spine, femoral neck, total hip or 33 % radius", true));
            }
        } else {
            Optional<SourcedScore> lowestZ = diagnostic.stream().flatMap(r -> r.z().stream())
                    .min(Comparator.comparing(SourcedScore::value));
            zInterpretation = lowestZ.map(z -> who.interpretZScore(z.value())).orElse(null);
            if (lowestZ.isEmpty()) {
                extra.add(new Flag(FlagCode.WHO_CATEGORY_NOT_DETERMINABLE, null, null,
                        "WHO category not applicable (premenopausal woman or man under "
                                + config.settings().whoMinimumAgeMen() + ") and no Z-score available", true));
            }
        }

        Map<String, BigDecimal> lscUsed = new LinkedHashMap<>();
        List<ChangeResult> changes = changes(input, spine, lscUsed);
        List<Flag> allFlags = new ArrayList<>(flags.collect(input, scored, diagnostic, spine, changes));
        allFlags.addAll(extra);

        return new DensitometryResult(
                scored.stream().map(ScoredSite::view).toList(),
                lowest.orElse(null), category, zInterpretation,
                spine.map(SpineAssessment.Outcome::view).orElse(null),
                changes, allFlags,
                new Provenance(config.referenceData().datasets(), config.lsc().name() + " — " + config.lsc().citation(),
                        lscUsed, ENGINE_VERSION, config.settings().rounding().describe()));
    }

    private static List<DiagnosticRegion> diagnosticRegions(List<ScoredSite> scored,
                                                            Optional<SpineAssessment.Outcome> spine) {
        List<DiagnosticRegion> regions = new ArrayList<>();
        spine.ifPresent(s -> regions.add(new DiagnosticRegion(s.rangeSite(), null, s.t(), s.z())));
        for (ScoredSite s : scored) {
            if (DIAGNOSTIC_SITES.contains(s.measurement().site())) {
                regions.add(new DiagnosticRegion(s.measurement().site(), s.measurement().laterality(),
                        s.diagnosticT(), s.diagnosticZ()));
            }
        }
        return regions;
    }

    private List<ChangeResult> changes(ScanInput input, Optional<SpineAssessment.Outcome> spine,
                                       Map<String, BigDecimal> lscUsed) {
        PriorScan prior = input.prior();
        List<ChangeResult> out = new ArrayList<>();
        if (prior == null) {
            return out;
        }
        spine.filter(s -> s.exactBmd() != null).ifPresent(s -> priorSpineBmd(prior, s.view())
                .map(p -> serialChange.compare(s.view().label(), s.rangeSite(), null, s.exactBmd(),
                        input.manufacturer(), p, prior.manufacturer()))
                .ifPresent(out::add));
        for (Measurement m : input.measurements()) {
            if (m.site().isLumbar() || m.bmd() == null) {
                continue;
            }
            prior.measurements().stream().filter(p -> p.sameRegion(m) && p.bmd() != null).findFirst()
                    .map(p -> serialChange.compare(m.site().externalName(), m.site(), m.laterality(), m.bmd(),
                            input.manufacturer(), p.bmd(), prior.manufacturer()))
                    .ifPresent(out::add);
        }
        out.stream().filter(c -> c.lsc() != null).forEach(c -> lscUsed.put(c.site(), c.lsc()));
        return out;
    }

    /**
     * Prior spine BMD on the same vertebrae: ΣBMC/Σarea of the prior's per-vertebra values when all
     * are present, else the prior's BMD for exactly the same contiguous range.
     */
    private static Optional<BigDecimal> priorSpineBmd(PriorScan prior, SpineResult current) {
        List<Measurement> vertebrae = new ArrayList<>();
        for (Site v : current.includedVertebrae()) {
            prior.measurements().stream().filter(p -> p.site() == v && p.bmc() != null && p.area() != null)
                    .findFirst().ifPresent(vertebrae::add);
        }
        if (!vertebrae.isEmpty() && vertebrae.size() == current.includedVertebrae().size()) {
            BigDecimal bmc = vertebrae.stream().map(Measurement::bmc).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal area = vertebrae.stream().map(Measurement::area).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (area.signum() > 0) {
                return Optional.of(bmc.divide(area, Rounding.MC));
            }
        }
        return prior.measurements().stream()
                .filter(p -> p.site().isLumbar() && p.site().externalName().equals(current.label()) && p.bmd() != null)
                .map(Measurement::bmd).findFirst();
    }
}
