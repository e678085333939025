package org.dxaflow.densitometry;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;

/**
 * Canonical, validated input of one densitometry computation.
 *
 * @param menopausal           whether a woman is postmenopausal; ignored for men
 * @param fragilityFracture    history of fragility fracture (WHO "severe/established osteoporosis")
 * @param vfaVertebralFracture vertebral fracture reported on vertebral fracture assessment (VFA)
 * @param prior                most recent previous result, or null
 * @param referral             FRAX/NOGG information from the referral, or null
 */
public record ScanInput(
        Sex sex,
        LocalDate birthDate,
        LocalDate scanDate,
        Manufacturer manufacturer,
        Boolean menopausal,
        boolean fragilityFracture,
        boolean vfaVertebralFracture,
        List<Measurement> measurements,
        PriorScan prior,
        Referral referral) {

    public ScanInput {
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(scanDate, "scanDate");
        Objects.requireNonNull(manufacturer, "manufacturer");
        measurements = measurements == null ? List.of() : List.copyOf(measurements);
    }

    /** Completed years at the scan date (a 49-year-old the day before the 50th birthday is 49). */
    public int ageAtScan() {
        return Period.between(birthDate, scanDate).getYears();
    }
}
