package org.dxaflow.densitometry;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import org.dxaflow.clinical.Sex;

/**
 * Canonical, validated input of one densitometry computation.
 *
 * @param menopausal           TRUE/FALSE as stated for a woman, null when not stated (the configured
 *                             menopausal-status rule then decides); ignored for men
 * @param menopausalSource     where the statement comes from ("referral MENOPAUSE=Y"), for the result's basis text
 * @param fragilityFracture    history of fragility fracture (WHO "severe/established osteoporosis"); null when not stated
 * @param vfaVertebralFracture a vertebral fracture reported on VFA without per-vertebra detail
 * @param vfa                  per-vertebra VFA findings, empty when VFA was not done or not sent
 * @param device               the scanner, as far as the result identifies it
 * @param prior                most recent previous result, or null
 * @param referral             FRAX/NOGG information from the referral, or null
 */
public record ScanInput(
        Sex sex,
        LocalDate birthDate,
        LocalDate scanDate,
        Manufacturer manufacturer,
        Boolean menopausal,
        String menopausalSource,
        Boolean fragilityFracture,
        boolean vfaVertebralFracture,
        List<VfaFinding> vfa,
        DeviceIdentity device,
        List<Measurement> measurements,
        PriorScan prior,
        Referral referral) {

    public ScanInput {
        Objects.requireNonNull(sex, "sex");
        if (!sex.isFemaleOrMale()) {
            // the reference populations are tabulated by sex: the caller holds the case for a person
            throw new IllegalArgumentException("sex must be F or M for a densitometry computation");
        }
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(scanDate, "scanDate");
        Objects.requireNonNull(manufacturer, "manufacturer");
        vfa = vfa == null ? List.of() : List.copyOf(vfa);
        device = device == null ? DeviceIdentity.UNKNOWN : device;
        measurements = measurements == null ? List.of() : List.copyOf(measurements);
    }

    /** A scan with no VFA detail and no device identity, the menopausal status as stated. */
    public ScanInput(Sex sex, LocalDate birthDate, LocalDate scanDate, Manufacturer manufacturer, Boolean menopausal,
                     boolean fragilityFracture, boolean vfaVertebralFracture, List<Measurement> measurements,
                     PriorScan prior, Referral referral) {
        this(sex, birthDate, scanDate, manufacturer, menopausal, null, fragilityFracture, vfaVertebralFracture,
                List.of(), DeviceIdentity.UNKNOWN, measurements, prior, referral);
    }

    /** Completed years at the scan date (a 49-year-old the day before the 50th birthday is 49). */
    public int ageAtScan() {
        return Period.between(birthDate, scanDate).getYears();
    }
}
