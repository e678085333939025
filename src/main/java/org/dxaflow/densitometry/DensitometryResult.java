package org.dxaflow.densitometry;

import java.util.List;
import org.dxaflow.clinical.MenopausalAssessment;

/**
 * Immutable output of one computation. Serialised by Jackson as
 * {@code {"sites":[...],"lowestTScore":{...},"whoCategory":...,"whoCategoryAllVertebrae":...,
 * "zScoreInterpretation":...,"menopausalStatus":{...},"spine":{...},"vfa":[...],"change":[...],
 * "needsReporterReview":...,"flags":[...],"provenance":{...}}}.
 *
 * @param whoCategory             null whenever the engine cannot decide it safely (flags say why)
 * @param whoCategoryAllVertebrae the category with no vertebra excluded, when a proposed exclusion changes it
 * @param menopausalStatus        for women: the status used, stated or inferred and from what; null for men
 * @param needsReporterReview     true when any flag is NEEDS_REPORTER_REVIEW: the result must not be
 *                                reported on the engine's word alone
 */
public record DensitometryResult(
        List<SiteResult> sites,
        LowestTScore lowestTScore,
        WhoCategory whoCategory,
        WhoCategory whoCategoryAllVertebrae,
        String zScoreInterpretation,
        MenopausalAssessment menopausalStatus,
        SpineResult spine,
        List<VfaFinding> vfa,
        List<ChangeResult> change,
        boolean needsReporterReview,
        List<Flag> flags,
        Provenance provenance) {

    public DensitometryResult {
        sites = List.copyOf(sites);
        vfa = List.copyOf(vfa);
        change = List.copyOf(change);
        flags = List.copyOf(flags);
    }
}
