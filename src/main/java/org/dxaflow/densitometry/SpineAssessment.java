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
 * Builds the lumbar spine result: applies ISCD vertebral exclusion to the single vertebrae, computes
 * the spine BMD as ΣBMC / Σarea of the included vertebrae, and finds a T-/Z-score for exactly that
 * set of vertebrae (engine if a spine reference is configured, else the vendor's value for the same
 * contiguous range, else none).
 */
final class SpineAssessment {

    /** Internal outcome: the JSON view plus what diagnosis and serial change need. */
    record Outcome(SpineResult view, Site rangeSite, BigDecimal exactBmd,
                   Optional<SourcedScore> t, Optional<SourcedScore> z) {
    }

    private final SiteScorer scorer;
    private final VertebralExclusion exclusion;
    private final Rounding rounding;

    SpineAssessment(SiteScorer scorer, VertebralExclusion exclusion, Rounding rounding) {
        this.scorer = scorer;
        this.exclusion = exclusion;
        this.rounding = rounding;
    }

    Optional<Outcome> assess(List<ScoredSite> scored, ScanInput input) {
        List<ScoredSite> singles = scored.stream().filter(s -> s.measurement().site().isSingleVertebra()).toList();
        List<ScoredSite> ranges = scored.stream()
                .filter(s -> s.measurement().site().isLumbar() && !s.measurement().site().isSingleVertebra())
                .toList();
        if (singles.isEmpty() && ranges.isEmpty()) {
            return Optional.empty();
        }
        List<String> notes = new ArrayList<>();
        List<Site> included;
        List<ExcludedVertebra> excluded = List.of();
        BigDecimal bmd = null;
        if (!singles.isEmpty()) {
            List<VertebraScore> scores = singles.stream().map(SpineAssessment::vertebraScore).toList();
            VertebralExclusion.Outcome outcome = exclusion.apply(scores);
            List<String> missing = scores.stream().filter(v -> v.tScore() == null)
                    .map(v -> v.vertebra().externalName()).toList();
            if (!missing.isEmpty()) {
                notes.add("ISCD T-score exclusion not applied: no T-score for " + String.join(",", missing)
                        + " (no per-vertebra reference configured and no vendor value); review the image");
            }
            included = outcome.includedSites();
            excluded = outcome.excluded();
            bmd = outcome.spineBmd();
            if (bmd == null) {
                notes.add("spine BMD not computed from ΣBMC/Σarea: BMC or area missing for an included vertebra");
            }
        } else {
            ScoredSite widest = ranges.stream().max(Comparator.comparingInt(
                    s -> s.measurement().site().lastVertebra() - s.measurement().site().firstVertebra())).orElseThrow();
            included = widest.measurement().site().vertebrae();
            notes.add("per-vertebra results not supplied: ISCD vertebral exclusion could not be applied");
        }
        String label = VertebralExclusion.label(included);
        Site rangeSite = included.isEmpty() ? null : contiguousSite(included);
        Optional<ScoredSite> vendorRange = ranges.stream()
                .filter(s -> rangeSite != null && s.measurement().site() == rangeSite).findFirst();
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
                notes.isEmpty() ? null : String.join("; ", notes));
        return Optional.of(new Outcome(view, rangeSite, bmd, t, z));
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
