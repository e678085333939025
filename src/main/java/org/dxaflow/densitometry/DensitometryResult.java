package org.dxaflow.densitometry;

import java.util.List;

/**
 * Immutable output of one computation. Serialised by Jackson as
 * {@code {"sites":[...],"lowestTScore":{...},"whoCategory":...,"zScoreInterpretation":...,
 * "spine":{...},"change":[...],"flags":[...],"provenance":{...}}}.
 */
public record DensitometryResult(
        List<SiteResult> sites,
        LowestTScore lowestTScore,
        WhoCategory whoCategory,
        String zScoreInterpretation,
        SpineResult spine,
        List<ChangeResult> change,
        List<Flag> flags,
        Provenance provenance) {

    public DensitometryResult {
        sites = List.copyOf(sites);
        change = List.copyOf(change);
        flags = List.copyOf(flags);
    }
}
