package org.dxaflow.densitometry;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;
import org.dxaflow.clinical.Sex;

/**
 * One cited reference band: mean and SD of BMD (g/cm²) for a site, sex and age band, on the
 * calibration scale of one manufacturer. Every instance comes from conf with its citation and the
 * file:line it was read from, so a reported score can be traced back to the published table.
 */
public record ReferencePopulation(
        String id,
        String name,
        Site site,
        Sex sex,
        int ageFrom,
        int ageTo,
        BigDecimal mean,
        BigDecimal sd,
        Set<ScoreUse> uses,
        Manufacturer scale,
        String citation,
        String dataset,
        String source) {

    public ReferencePopulation {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(sd, "sd");
        Objects.requireNonNull(scale, "scale");
        if (sd.signum() <= 0) {
            throw new IllegalArgumentException("SD must be positive: " + id);
        }
        uses = Set.copyOf(uses);
    }

    public boolean covers(Site s, Sex x, int age) {
        return site == s && sex == x && age >= ageFrom && age <= ageTo;
    }

    public boolean usableFor(ScoreUse use) {
        return uses.contains(use);
    }
}
