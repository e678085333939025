package org.dxaflow.densitometry;

import java.math.BigDecimal;
import java.util.Optional;
import org.dxaflow.clinical.Sex;

/**
 * Scores one measured region: moves the BMD onto the reference's calibration (sBMD) when the
 * scanner differs, then computes the T-score against the young-adult band and the Z-score against
 * the age- and sex-matched band. Anything without a cited reference or a published conversion is
 * "not computable" with the reason; the vendor's values are carried alongside, labelled.
 */
final class SiteScorer {

    /** A scored region: the internal scores (exact values kept) and the JSON view. */
    record ScoredSite(Measurement measurement, TScore t, ZScore z, SiteResult view) {

        /** Presented T used for diagnosis: the engine's if computable, else the vendor's. */
        Optional<SourcedScore> diagnosticT() {
            return sourced(t == null ? null : t.reported(), measurement.vendorTScore());
        }

        Optional<SourcedScore> diagnosticZ() {
            return sourced(z == null ? null : z.reported(), measurement.vendorZScore());
        }

        private static Optional<SourcedScore> sourced(BigDecimal engine, BigDecimal vendor) {
            if (engine != null) {
                return Optional.of(new SourcedScore(engine, ScoreSource.ENGINE));
            }
            return Optional.ofNullable(vendor).map(v -> new SourcedScore(v, ScoreSource.VENDOR));
        }
    }

    /** A presented score and whose it is. */
    record SourcedScore(BigDecimal value, ScoreSource source) {
    }

    private final ReferenceData referenceData;
    private final DensitometrySettings settings;
    private final SbmdConversion conversion;

    SiteScorer(ReferenceData referenceData, DensitometrySettings settings, SbmdConversion conversion) {
        this.referenceData = referenceData;
        this.settings = settings;
        this.conversion = conversion;
    }

    ScoredSite score(Measurement m, ScanInput input) {
        Rounding rounding = settings.rounding();
        if (m.bmd() == null) {
            String note = "not evaluable: no BMD supplied" + vendorSuffix(m.vendorTScore());
            return new ScoredSite(m, null, null, notEvaluable(m, note,
                    "not evaluable: no BMD supplied" + vendorSuffix(m.vendorZScore())));
        }
        Sex referenceSex = input.sex() == Sex.F ? Sex.F : settings.tScoreReferenceForMen();
        TScore t = null;
        String tNote;
        String conversionText = null;
        Optional<ReferencePopulation> young = referenceData.youngAdult(m.site(), referenceSex);
        if (young.isEmpty()) {
            tNote = "not computable: no reference configured for " + m.site() + " (young-adult, sex "
                    + referenceSex + ")" + vendorSuffix(m.vendorTScore());
        } else {
            Optional<SbmdConversion.Converted> c =
                    conversion.convert(m.bmd(), input.manufacturer(), young.get().scale(), m.site());
            if (c.isEmpty()) {
                tNote = noConversion(input.manufacturer(), young.get(), m) + vendorSuffix(m.vendorTScore());
            } else {
                t = TScore.compute(c.get().value(), young.get(), rounding);
                conversionText = c.get().describe();
                tNote = null;
            }
        }
        ZScore z = null;
        String zNote;
        Optional<ReferencePopulation> matched = referenceData.ageMatched(m.site(), input.sex(), input.ageAtScan());
        if (matched.isEmpty()) {
            zNote = "not computable: no reference configured for " + m.site() + " (sex " + input.sex() + ", age "
                    + input.ageAtScan() + ")" + vendorSuffix(m.vendorZScore());
        } else {
            Optional<SbmdConversion.Converted> c =
                    conversion.convert(m.bmd(), input.manufacturer(), matched.get().scale(), m.site());
            if (c.isEmpty()) {
                zNote = noConversion(input.manufacturer(), matched.get(), m) + vendorSuffix(m.vendorZScore());
            } else {
                z = ZScore.compute(c.get().value(), matched.get(), rounding);
                conversionText = conversionText == null ? c.get().describe() : conversionText;
                zNote = null;
            }
        }
        SiteResult view = new SiteResult(m.site(), m.laterality(), m.bmd(),
                t == null ? null : t.reported(), z == null ? null : z.reported(),
                m.vendorTScore(), m.vendorZScore(),
                t == null ? null : ReferenceInfo.of(t.reference()),
                z == null ? null : ReferenceInfo.of(z.reference()),
                referenceScaleBmd(m, t, z), conversionText, tNote, zNote);
        return new ScoredSite(m, t, z, view);
    }

    private static BigDecimal referenceScaleBmd(Measurement m, TScore t, ZScore z) {
        BigDecimal onScale = t != null ? t.bmdOnReferenceScale() : z != null ? z.bmdOnReferenceScale() : null;
        return onScale == null || onScale.compareTo(m.bmd()) == 0 ? null : onScale.stripTrailingZeros();
    }

    private static SiteResult notEvaluable(Measurement m, String tNote, String zNote) {
        return new SiteResult(m.site(), m.laterality(), m.bmd(), null, null, m.vendorTScore(), m.vendorZScore(),
                null, null, null, null, tNote, zNote);
    }

    private static String noConversion(Manufacturer scanner, ReferencePopulation reference, Measurement m) {
        return "not computable: no published sBMD equation to move " + scanner + " BMD onto the "
                + reference.scale() + " scale of the reference at " + m.site();
    }

    private static String vendorSuffix(BigDecimal vendorValue) {
        return vendorValue == null ? "" : "; vendor's value reported instead (labelled vendor)";
    }
}
