package org.dxaflow.densitometry;

import org.dxaflow.clinical.MenopausalAssessment;
import org.dxaflow.clinical.Sex;
import org.dxaflow.densitometry.InvestigationFlags.DiagnosticRegion;
import org.dxaflow.densitometry.SiteScorer.ScoredSite;
import org.dxaflow.densitometry.SiteScorer.SourcedScore;
import org.dxaflow.densitometry.WhoClassifier.Approach;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Entry point of the densitometry domain: scores each site, assesses the lumbar spine (ISCD
 * exclusion, proposed), decides the WHO category or the Z-score wording, compares with the prior and
 * collects flags. Stateless and thread-safe; all clinical numbers come from the injected, cited conf.
 *
 * <p>Fail safe: whenever a measured diagnostic region cannot be scored, the menopausal status is
 * unknown, or a proposed exclusion or a low vertebra could change the answer, the result carries no
 * reassuring category of its own making: it gets NEEDS_REPORTER_REVIEW flags naming the reason.
 *
 * <pre>
 * DensitometryConfig conf = new ReferenceDataLoader().load(Path.of("conf"));
 * DensitometryResult result = new DensitometryCalculator(conf).compute(scanInput);
 * </pre>
 */
public final class DensitometryCalculator {

    public static final String ENGINE_VERSION = "dxaflow-densitometry 0.2.0";

    /**
     * Sites whose lowest T-score decides the WHO category besides the lumbar spine (ISCD: lumbar
     * spine, femoral neck, total hip; 33 % radius when the forearm is measured - ISCD measures it only
     * when hip or spine cannot be measured or interpreted, in hyperparathyroidism or in the very obese,
     * so a measured 33 % radius is taken as "used instead"). Both hips count; the lowest decides.
     */
    static final List<Site> DIAGNOSTIC_SITES = List.of(Site.FEMORAL_NECK, Site.TOTAL_HIP, Site.RADIUS_33);

    private final DensitometryConfig config;
    private final SiteScorer scorer;
    private final SpineAssessment spineAssessment;
    private final WhoClassifier who;
    private final SerialChange serialChange;
    private final InvestigationFlags flags;
    private final VfaReading vfaReading;

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
        this.vfaReading = new VfaReading(settings.vfaFractureFromGenantGrade());
    }

    public DensitometryResult compute(ScanInput input) {
        MenopausalAssessment menopause = input.sex() == Sex.F
                ? config.menopausalStatus().assess(input.menopausal(),
                        input.menopausalSource() == null ? "menopausal=" + input.menopausal() : input.menopausalSource(),
                        input.ageAtScan())
                : null;
        Approach approach = who.approach(input, menopause);
        List<ScoredSite> scored = input.measurements().stream().map(m -> scorer.score(m, input)).toList();
        Optional<SpineAssessment.Outcome> spine = spineAssessment.assess(scored, input);
        List<DiagnosticRegion> diagnostic = diagnosticRegions(scored, spine.map(SpineAssessment.Outcome::primary));
        VfaReading.Reading vfa = vfaReading.read(input);
        boolean fragility = Boolean.TRUE.equals(input.fragilityFracture()) || vfa.fracture();

        List<Flag> review = new ArrayList<>();
        Optional<LowestTScore> lowest = lowestT(diagnostic, approach);
        WhoCategory category = null;
        WhoCategory categoryAllVertebrae = null;
        String zInterpretation = null;
        List<Flag> extra = new ArrayList<>();
        List<DiagnosticRegion> unscoredT = diagnostic.stream().filter(r -> r.t().isEmpty()).toList();
        switch (approach) {
            case WHO -> {
                if (lowest.isEmpty()) {
                    extra.add(new Flag(FlagCode.WHO_CATEGORY_NOT_DETERMINABLE, null, null,
                            "no T-score at lumbar spine, femoral neck, total hip or 33 % radius", true));
                    review.add(review(null, null, "no WHO category: no diagnostic region has a T-score"));
                } else if (!unscoredT.isEmpty()) {
                    unscoredT.forEach(r -> review.add(review(r.site(), r.laterality(), "no WHO category: "
                            + r.label() + " was measured but has no T-score (" + r.why() + "); a category from the"
                            + " other sites alone could be falsely reassuring")));
                } else {
                    category = who.classify(lowest.get().value(), fragility);
                }
                categoryAllVertebrae = allVertebraeCategory(scored, spine, approach, fragility, category, review);
            }
            case Z_SCORE -> {
                Optional<SourcedScore> lowestZ = diagnostic.stream().flatMap(r -> r.z().stream())
                        .min(Comparator.comparing(SourcedScore::value));
                List<DiagnosticRegion> unscoredZ = diagnostic.stream().filter(r -> r.z().isEmpty()).toList();
                if (lowestZ.isEmpty()) {
                    extra.add(new Flag(FlagCode.WHO_CATEGORY_NOT_DETERMINABLE, null, null,
                            "WHO category not applicable (" + zPopulation(input) + ") and no Z-score available", true));
                    review.add(review(null, null, "no Z-score at any diagnostic region: nothing to interpret"));
                } else if (!unscoredZ.isEmpty() && !who.isBelowExpectedRange(lowestZ.get().value())) {
                    unscoredZ.forEach(r -> review.add(review(r.site(), r.laterality(), "no Z-score wording: "
                            + r.label() + " was measured but has no Z-score; \"within the expected range\" from"
                            + " the other sites alone could be falsely reassuring")));
                } else {
                    zInterpretation = who.interpretZScore(lowestZ.get().value());
                }
            }
            case UNDETERMINED -> review.add(review(null, null, "menopausal status " + menopause.basis()
                    + ": neither a WHO category (postmenopausal women) nor the Z-score wording (women before the"
                    + " menopause) can be chosen; the reporter decides once the status is known"));
        }
        spine.ifPresent(s -> s.lowOutliers().forEach(v -> review.add(review(v.vertebra(), null, v.vertebra()
                + " T-score " + v.tScore().toPlainString() + " is lower than each adjacent vertebra by more than "
                + spineAssessment.exclusionDifference().toPlainString() + ": not excluded (ISCD: exclusion is for"
                + " structural change or artefact, which usually raise BMD); look at the image"))));
        review.addAll(vfa.review());

        Map<String, BigDecimal> lscUsed = new LinkedHashMap<>();
        List<ChangeResult> changes = changes(input, spine.map(SpineAssessment.Outcome::primary), lscUsed);
        List<Flag> allFlags = new ArrayList<>(review);
        allFlags.addAll(flags.collect(input, vfa, scored, diagnostic,
                spine.map(SpineAssessment.Outcome::primary), changes));
        allFlags.addAll(extra);
        allFlags.addAll(referenceLabels(input, diagnostic, approach));

        return new DensitometryResult(
                scored.stream().map(ScoredSite::view).toList(),
                lowest.orElse(null), category, categoryAllVertebrae, zInterpretation, menopause,
                spine.map(s -> s.primary().view()).orElse(null), input.vfa(),
                changes, !review.isEmpty(), allFlags,
                new Provenance(config.referenceData().datasets(), config.lsc().citation(),
                        lscUsed, ENGINE_VERSION, config.settings().rounding().describe()));
    }

    /**
     * The category with every measured vertebra, shown beside the category with the proposed
     * exclusion when the two differ (the reporter confirms which applies).
     */
    private WhoCategory allVertebraeCategory(List<ScoredSite> scored, Optional<SpineAssessment.Outcome> spine,
                                             Approach approach, boolean fragility, WhoCategory category,
                                             List<Flag> review) {
        Optional<SpineAssessment.Variant> all = spine.flatMap(SpineAssessment.Outcome::allVertebrae);
        if (all.isEmpty()) {
            return null;
        }
        List<DiagnosticRegion> regions = diagnosticRegions(scored, all);
        Optional<LowestTScore> lowestAll = lowestT(regions, approach);
        boolean complete = regions.stream().allMatch(r -> r.t().isPresent());
        WhoCategory allCategory = complete ? lowestAll.map(l -> who.classify(l.value(), fragility)).orElse(null) : null;
        String proposed = spine.get().primary().view().label();
        String measured = all.get().view().label();
        if (allCategory != category) {
            review.add(review(null, null, "the proposed vertebral exclusion changes the WHO category: "
                    + (category == null ? "none" : category) + " with " + proposed + ", "
                    + (allCategory == null ? "none" : allCategory) + " with " + measured
                    + "; the reporter confirms or rejects the exclusion"));
            return allCategory;
        }
        return null;
    }

    private static Optional<LowestTScore> lowestT(List<DiagnosticRegion> regions, Approach approach) {
        boolean forDiagnosis = approach == Approach.WHO;
        return regions.stream()
                .filter(r -> r.t().isPresent())
                .min(Comparator.comparing(r -> r.t().get().value()))
                .map(r -> new LowestTScore(r.site(), r.laterality(), r.t().get().value(), r.t().get().source(),
                        forDiagnosis, forDiagnosis ? null : "not for diagnosis"));
    }

    private String zPopulation(ScanInput input) {
        return input.sex() == Sex.F ? "woman before the menopause"
                : "man under " + config.settings().whoMinimumAgeMen();
    }

    /**
     * Where the presented T-scores come from more than one reference (the vendor's database at some
     * sites, the engine's cited reference at others), or the vendor's database for a man may be a male
     * one while the engine uses the female reference (ISCD), the result says so.
     */
    private List<Flag> referenceLabels(ScanInput input, List<DiagnosticRegion> diagnostic, Approach approach) {
        List<String> vendor = diagnostic.stream().filter(r -> r.t().filter(t -> t.source() == ScoreSource.VENDOR)
                .isPresent()).map(DiagnosticRegion::label).toList();
        List<String> engine = diagnostic.stream().filter(r -> r.t().filter(t -> t.source() == ScoreSource.ENGINE)
                .isPresent()).map(DiagnosticRegion::label).toList();
        if (vendor.isEmpty() || engine.isEmpty()) {
            return List.of();
        }
        String db = input.device().manufacturer() == null ? input.manufacturer().name() : input.device().manufacturer();
        String engineRef = config.referenceData().datasets().isEmpty() ? "the engine's reference"
                : config.referenceData().datasets().get(0).name();
        String men = input.sex() == Sex.M ? "; for a man the scanner's database may be a male reference while the"
                + " engine uses the " + config.settings().tScoreReferenceForMen() + " reference (ISCD)" : "";
        return List.of(new Flag(FlagCode.REFERENCE_DATABASES_DIFFER, null, null, "T-scores at " + vendor
                + " are the scanner's (" + db + " reference database) and at " + engine + " the engine's ("
                + engineRef + "): they are not from the same reference" + men
                + (approach == Approach.WHO ? "" : "; T-scores are not for diagnosis here"), false));
    }

    private static Flag review(Site site, Laterality laterality, String reason) {
        return new Flag(FlagCode.NEEDS_REPORTER_REVIEW, site, laterality, reason, false);
    }

    private static List<DiagnosticRegion> diagnosticRegions(List<ScoredSite> scored,
                                                            Optional<SpineAssessment.Variant> spine) {
        List<DiagnosticRegion> regions = new ArrayList<>();
        spine.ifPresent(s -> regions.add(new DiagnosticRegion(s.rangeSite(), null, "lumbar spine " + s.view().label(),
                s.t(), s.z(), s.view().note())));
        for (ScoredSite s : scored) {
            Measurement m = s.measurement();
            if (DIAGNOSTIC_SITES.contains(m.site())) {
                String label = m.site().readableName() + (m.laterality() == null ? ""
                        : " (" + m.laterality().name().toLowerCase(java.util.Locale.ROOT) + ")");
                regions.add(new DiagnosticRegion(m.site(), m.laterality(), label, s.diagnosticT(), s.diagnosticZ(),
                        s.view().tScoreNote()));
            }
        }
        return regions;
    }

    private List<ChangeResult> changes(ScanInput input, Optional<SpineAssessment.Variant> spine,
                                       Map<String, BigDecimal> lscUsed) {
        PriorScan prior = input.prior();
        List<ChangeResult> out = new ArrayList<>();
        if (prior == null) {
            return out;
        }
        spine.filter(s -> s.exactBmd() != null).ifPresent(s -> priorSpineBmd(prior, s.view())
                .map(p -> serialChange.compare(s.view().label(), s.rangeSite(), null, s.exactBmd(), input, p, prior))
                .ifPresent(out::add));
        for (Measurement m : input.measurements()) {
            if (m.site().isLumbar() || m.bmd() == null) {
                continue;
            }
            prior.measurements().stream().filter(p -> p.sameRegion(m) && p.bmd() != null).findFirst()
                    .map(p -> serialChange.compare(m.site().externalName(), m.site(), m.laterality(), m.bmd(),
                            input, p.bmd(), prior))
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
