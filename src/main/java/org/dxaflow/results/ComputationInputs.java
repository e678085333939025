package org.dxaflow.results;

import java.time.LocalDate;
import org.dxaflow.densitometry.Manufacturer;
import org.dxaflow.densitometry.Referral;
import org.dxaflow.densitometry.Sex;

/**
 * Provenance of the inputs of one stored computation (the reference data, LSC and engine version
 * are in the result's own provenance): who the patient was taken to be, from where, and which prior
 * result the serial change is against.
 */
public record ComputationInputs(
        Sex sex,
        int ageAtScan,
        LocalDate scanDate,
        String manufacturer,
        Manufacturer calibrationScale,
        Boolean menopausal,
        String menopausalSource,
        boolean fragilityFracture,
        String fragilityFractureSource,
        boolean vfaVertebralFracture,
        String vfaSource,
        Long priorResultId,
        LocalDate priorScanDate,
        Manufacturer priorCalibrationScale,
        Referral referral) {
}
