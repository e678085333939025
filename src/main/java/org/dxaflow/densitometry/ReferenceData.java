package org.dxaflow.densitometry;

import java.util.List;
import java.util.Optional;
import org.dxaflow.clinical.Sex;

/**
 * All loaded reference populations and sBMD equations. Lookups return empty rather than a nearest
 * match: a site, sex or age band without a configured, cited reference is "not computable", never
 * approximated.
 */
public record ReferenceData(
        List<ReferenceDataset> datasets,
        List<ReferencePopulation> populations,
        List<SbmdEquation> equations) {

    public ReferenceData {
        datasets = List.copyOf(datasets);
        populations = List.copyOf(populations);
        equations = List.copyOf(equations);
    }

    /** Young-adult population of the given reference sex for T-scores at a site. */
    public Optional<ReferencePopulation> youngAdult(Site site, Sex referenceSex) {
        return populations.stream()
                .filter(p -> p.site() == site && p.sex() == referenceSex && p.usableFor(ScoreUse.T_SCORE))
                .findFirst();
    }

    /** Age- and sex-matched population for Z-scores. */
    public Optional<ReferencePopulation> ageMatched(Site site, Sex sex, int age) {
        return populations.stream()
                .filter(p -> p.usableFor(ScoreUse.Z_SCORE) && p.covers(site, sex, age))
                .findFirst();
    }

    public Optional<SbmdEquation> sbmdEquation(Manufacturer manufacturer, Site site) {
        return equations.stream()
                .filter(e -> e.manufacturer() == manufacturer && e.sites().contains(site))
                .findFirst();
    }
}
