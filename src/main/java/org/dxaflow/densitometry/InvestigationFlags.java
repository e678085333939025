package org.dxaflow.densitometry;

import org.dxaflow.densitometry.SiteScorer.ScoredSite;
import org.dxaflow.densitometry.SiteScorer.SourcedScore;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flags for the reporter. The "further investigation" ones follow the seed guidance (section
 * "Further investigation": low-trauma vertebral fracture, low BMD for age e.g. Z-score below −2,
 * unexplained bone loss on serial measurement) plus a site whose BMD is not evaluable; the others
 * note vendor disagreement, non-comparable priors and FRAX information from the referral.
 */
final class InvestigationFlags {

    /** One diagnostic region with its presented scores, as collected by the calculator. */
    record DiagnosticRegion(Site site, Laterality laterality, String label, Optional<SourcedScore> t,
                            Optional<SourcedScore> z, String why) {
    }

    private final DensitometrySettings settings;
    private final WhoClassifier who;

    InvestigationFlags(DensitometrySettings settings, WhoClassifier who) {
        this.settings = settings;
        this.who = who;
    }

    List<Flag> collect(ScanInput input, VfaReading.Reading vfa, List<ScoredSite> scored,
                       List<DiagnosticRegion> diagnostic, Optional<SpineAssessment.Variant> spine,
                       List<ChangeResult> changes) {
        List<Flag> flags = new ArrayList<>();
        if (vfa.fracture()) {
            flags.add(new Flag(FlagCode.VERTEBRAL_FRACTURE_ON_VFA, null, null, "vertebral fracture reported on VFA"
                    + (vfa.fractured().isEmpty() ? "" : " at " + String.join(", ", vfa.fractured()))
                            + ": further imaging and clinical assessment indicated", true));
        }
        for (DiagnosticRegion r : diagnostic) {
            r.z().filter(z -> who.isBelowExpectedRange(z.value())).ifPresent(z -> flags.add(new Flag(
                    FlagCode.LOW_Z_SCORE, r.site(), r.laterality(),
                    "Z-score " + z.value().toPlainString() + " (" + label(z.source()) + ") at " + r.site()
                            + ": low BMD for age, consider investigation for secondary causes", true)));
        }
        for (ChangeResult c : changes) {
            if (Boolean.TRUE.equals(c.significant()) && c.deltaBmd().signum() < 0) {
                flags.add(new Flag(FlagCode.SIGNIFICANT_BMD_LOSS, Site.parse(c.site()).orElse(null), c.laterality(),
                        "BMD loss at " + c.site() + " of " + c.deltaBmd().toPlainString() + " g/cm² (" + c.percent()
                                + " %) reaches the LSC " + c.lsc().toPlainString() + ": assess whether it is explained", true));
            }
            if (!c.comparable()) {
                flags.add(new Flag(FlagCode.PRIOR_NOT_COMPARABLE, Site.parse(c.site()).orElse(null), c.laterality(),
                        "prior result at " + c.site() + " not comparable: " + c.note(), false));
            }
        }
        List<String> defaultLsc = changes.stream().filter(ChangeResult::lscIsDefault).map(ChangeResult::site).toList();
        if (!defaultLsc.isEmpty()) {
            flags.add(new Flag(FlagCode.DEFAULT_LSC, null, null, "significance at " + defaultLsc
                    + " is judged against the default LSC, not this centre's precision for this device", false));
        }
        for (ScoredSite s : scored) {
            notEvaluable(s).ifPresent(flags::add);
            disagreement(s).ifPresent(flags::add);
        }
        spine.filter(o -> o.t().isEmpty()).ifPresent(o -> flags.add(new Flag(FlagCode.SITE_NOT_EVALUABLE,
                o.rangeSite(), null, "lumbar spine " + o.view().label() + " has no T-score: " + o.view().note(), true)));
        fraxFlags(input, scored, flags);
        return flags;
    }

    private Optional<Flag> notEvaluable(ScoredSite s) {
        Measurement m = s.measurement();
        boolean diagnosticSite = DensitometryCalculator.DIAGNOSTIC_SITES.contains(m.site());
        if (m.bmd() == null) {
            return Optional.of(new Flag(FlagCode.SITE_NOT_EVALUABLE, m.site(), m.laterality(),
                    "BMD not evaluable at " + m.site() + ": no BMD supplied", true));
        }
        if (diagnosticSite && s.diagnosticT().isEmpty()) {
            return Optional.of(new Flag(FlagCode.SITE_NOT_EVALUABLE, m.site(), m.laterality(),
                    "no T-score at " + m.site() + ": " + s.view().tScoreNote(), true));
        }
        return Optional.empty();
    }

    private Optional<Flag> disagreement(ScoredSite s) {
        Measurement m = s.measurement();
        List<String> parts = new ArrayList<>();
        if (s.t() != null && m.vendorTScore() != null && exceeds(s.t().exact(), m.vendorTScore())) {
            parts.add("T-score engine " + s.t().reported() + " vs vendor " + m.vendorTScore());
        }
        if (s.z() != null && m.vendorZScore() != null && exceeds(s.z().exact(), m.vendorZScore())) {
            parts.add("Z-score engine " + s.z().reported() + " vs vendor " + m.vendorZScore());
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Flag(FlagCode.VENDOR_DISAGREEMENT, m.site(), m.laterality(),
                String.join("; ", parts) + " differ by more than " + settings.vendorDisagreementThreshold()
                        + ": check reference database and scanner calibration", false));
    }

    /** |engine (full precision) − vendor| strictly greater than the threshold. */
    private boolean exceeds(BigDecimal engineExact, BigDecimal vendor) {
        return engineExact.subtract(vendor).abs().compareTo(settings.vendorDisagreementThreshold()) > 0;
    }

    private void fraxFlags(ScanInput input, List<ScoredSite> scored, List<Flag> flags) {
        Referral referral = input.referral();
        if (referral == null || referral.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (referral.fraxMajorOsteoporoticPercent() != null) {
            parts.add("major osteoporotic " + referral.fraxMajorOsteoporoticPercent().toPlainString() + " %");
        }
        if (referral.fraxHipPercent() != null) {
            parts.add("hip " + referral.fraxHipPercent().toPlainString() + " %");
        }
        if (referral.noggZone() != null && !referral.noggZone().isBlank()) {
            parts.add("NOGG zone " + referral.noggZone());
        }
        flags.add(new Flag(FlagCode.FRAX_FROM_REFERRAL, null, null,
                "FRAX from referral (clinical risk factors, without BMD): " + String.join(", ", parts), false));
        String neck = scored.stream()
                .filter(s -> s.measurement().site() == Site.FEMORAL_NECK && s.measurement().bmd() != null)
                .map(s -> s.measurement().bmd().toPlainString() + " g/cm² (" + s.measurement().laterality() + ")")
                .reduce((a, b) -> a + ", " + b).orElse("not measured");
        flags.add(new Flag(FlagCode.BMD_ADJUSTED_FRAX_NOT_COMPUTED, Site.FEMORAL_NECK, null,
                "BMD-adjusted FRAX is not computed by this engine (the FRAX algorithm is not public): enter femoral"
                        + " neck BMD " + neck + ", scanner " + input.manufacturer() + ", at " + settings.fraxToolUrl(),
                false));
    }

    private static String label(ScoreSource source) {
        return source == ScoreSource.ENGINE ? "engine" : "vendor's";
    }
}
