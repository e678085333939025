package org.dxaflow.densitometry;

import org.dxaflow.densitometry.SiteScorer.ScoredSite;
import org.dxaflow.densitometry.SiteScorer.SourcedScore;
import org.dxaflow.densitometry.VertebralExclusion.VertebraScore;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Builds the lumbar spine result: proposes ISCD vertebral exclusions on the single vertebrae, computes
 * the spine BMD as ΣBMC / Σarea of the included vertebrae, and finds a T-/Z-score for exactly that
 * set of vertebrae (engine if a spine reference is configured, else the vendor's value for the same
 * contiguous range, else none). When an exclusion is proposed, the same is done for all measured
 * vertebrae, so the calculator can show what the proposal changes.
 */
final class SpineAssessment {

    /** One way of reading the spine: the JSON view plus what diagnosis and serial change need. */
    record Variant(SpineResult view, Site rangeSite, BigDecimal exactBmd,
                   Optional<SourcedScore> t, Optional<SourcedScore> z) {
    }

    /**
     * @param primary      the spine with the proposed exclusions applied (all vertebrae when none is proposed)
     * @param allVertebrae every measured vertebra, present only when an exclusion is proposed
     * @param lowOutliers  vertebrae lower than their neighbours by more than the threshold (never excluded)
     */
    record Outcome(Variant primary, Optional<Variant> allVertebrae, List<VertebraScore> lowOutliers) {
        Outcome {
            lowOutliers = List.copyOf(lowOutliers);
        }
    }

    private final SiteScorer scorer;
    private final VertebralExclusion exclusion;
    private final Rounding rounding;

    SpineAssessment(SiteScorer scorer, VertebralExclusion exclusion, Rounding rounding) {
        this.scorer = scorer;
        this.exclusion = exclusion;
        this.rounding = rounding;
    }

    BigDecimal exclusionDifference() {
        return exclusion.maxDifference();
    }

    Optional<Outcome> assess(List<ScoredSite> scored, ScanInput input) {
        List<ScoredSite> singles = scored.stream().filter(s -> s.measurement().site().isSingleVertebra()).toList();
        List<ScoredSite> ranges = scored.stream()
                .filter(s -> s.measurement().site().isLumbar() && !s.measurement().site().isSingleVertebra())
                .toList();
        if (singles.isEmpty() && ranges.isEmpty()) {
            return Optional.empty();
        }
        if (singles.isEmpty()) {
            ScoredSite widest = ranges.stream().max(Comparator.comparingInt(
                    s -> s.measurement().site().lastVertebra() - s.measurement().site().firstVertebra())).orElseThrow();
            List<String> notes = new ArrayList<>();
            notes.add("per-vertebra results not supplied: ISCD vertebral exclusion could not be applied");
            Variant v = variant(false, widest.measurement().site().vertebrae(), List.of(), null, notes, ranges, input, null);
            return Optional.of(new Outcome(v, Optional.empty(), List.of()));
        }
        List<VertebraScore> scores = singles.stream().map(SpineAssessment::vertebraScore).toList();
        List<String> notes = new ArrayList<>();
        List<String> missing = scores.stream().filter(v -> v.tScore() == null)
                .map(v -> v.vertebra().externalName()).toList();
        if (!missing.isEmpty()) {
            notes.add("ISCD T-score exclusion not applied: no T-score for " + String.join(",", missing)
                    + " (no per-vertebra reference configured and no vendor value); review the image");
        }
        VertebralExclusion.Outcome proposal = exclusion.apply(scores);
        List<VertebraScore> low = exclusion.lowOutliers(scores);
        if (proposal.excluded().isEmpty()) {
            Variant only = variant(true, proposal.includedSites(), List.of(), proposal.spineBmd(), notes, ranges, input, null);
            return Optional.of(new Outcome(only, Optional.empty(), low));
        }
        VertebralExclusion.Outcome none = new VertebralExclusion.Outcome(
                scores.stream().sorted(Comparator.comparingInt(v -> v.vertebra().firstVertebra())).toList(), List.of());
        Variant all = variant(true, none.includedSites(), List.of(), none.spineBmd(), new ArrayList<>(), ranges, input, null);
        notes.add("exclusion of " + proposal.excluded().stream().map(e -> e.site().externalName()).toList()
                + " is proposed, not confirmed: the reporter confirms it on the image");
        Variant primary = variant(true, proposal.includedSites(), proposal.excluded(), proposal.spineBmd(), notes, ranges,
                input, all.view());
        return Optional.of(new Outcome(primary, Optional.of(all), low));
    }

    private Variant variant(boolean fromVertebrae, List<Site> included, List<ExcludedVertebra> excluded, BigDecimal sumBmd,
                            List<String> notes, List<ScoredSite> ranges, ScanInput input, SpineResult allVertebrae) {
        String label = VertebralExclusion.label(included);
        Site rangeSite = included.isEmpty() ? null : contiguousSite(included);
        Optional<ScoredSite> vendorRange = ranges.stream()
                .filter(s -> rangeSite != null && s.measurement().site() == rangeSite).findFirst();
        BigDecimal bmd = sumBmd;
        if (bmd == null && fromVertebrae) {
            notes.add("spine BMD not computed from ΣBMC/Σarea: BMC or area missing for an included vertebra");
        }
        if (bmd == null) {
            bmd = vendorRange.map(s -> s.measurement().bmd()).orElse(null);
        }
        Optional<SourcedScore> t = Optional.empty();
        Optional<SourcedScore> z = Optional.empty();
        if (rangeSite != null && bmd != null) {
            Measurement m = vendorRange.map(ScoredSite::measurement).orElse(null);
            ScoredSite own = scorer.score(new Measurement(rangeSite, null, bmd, null, null,
                    m == null ? null : m.vendorTScore(), m == null ? null : m.vendorZScore()), input);
            t = own.diagnosticT();
            z = own.diagnosticZ();
        }
        if (t.isEmpty()) {
            notes.add("no T-score for " + label + ": no lumbar spine reference configured and no vendor T-score"
                    + " for exactly these vertebrae");
        }
        if (included.size() < exclusion.minimumRemaining()) {
            notes.add("fewer than " + exclusion.minimumRemaining() + " evaluable vertebrae: spine not evaluable");
            t = Optional.empty();
            z = Optional.empty();
        }
        SpineResult view = new SpineResult(label, rounding.bmd(bmd), t.map(SourcedScore::value).orElse(null),
                t.map(SourcedScore::source).orElse(null), z.map(SourcedScore::value).orElse(null),
                z.map(SourcedScore::source).orElse(null), included, excluded,
                notes.isEmpty() ? null : String.join("; ", notes), allVertebrae);
        return new Variant(view, rangeSite, bmd, t, z);
    }

    private static VertebraScore vertebraScore(ScoredSite s) {
        Measurement m = s.measurement();
        Optional<SourcedScore> t = s.diagnosticT();
        return new VertebraScore(m.site(), t.map(SourcedScore::value).orElse(null),
                t.map(SourcedScore::source).orElse(null), m.bmc(), m.area());
    }

    private static Site contiguousSite(List<Site> vertebrae) {
        int first = vertebrae.get(0).firstVertebra();
        int last = vertebrae.get(vertebrae.size() - 1).firstVertebra();
        if (last - first + 1 != vertebrae.size()) {
            return null;
        }
        return Site.lumbarRange(first, last).orElse(null);
    }
}
