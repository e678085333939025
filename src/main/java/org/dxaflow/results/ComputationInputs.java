package org.dxaflow.results;

import java.time.LocalDate;
import java.util.List;
import org.dxaflow.clinical.Sex;
import org.dxaflow.densitometry.DeviceIdentity;
import org.dxaflow.densitometry.Manufacturer;
import org.dxaflow.densitometry.VfaFinding;
import org.dxaflow.densitometry.Referral;

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
        DeviceIdentity device,
        Boolean menopausal,
        String menopausalSource,
        Boolean fragilityFracture,
        String fragilityFractureSource,
        List<VfaFinding> vfa,
        String vfaSource,
        Long priorResultId,
        LocalDate priorScanDate,
        Manufacturer priorCalibrationScale,
        DeviceIdentity priorDevice,
        Referral referral) {

    public ComputationInputs {
        vfa = List.copyOf(vfa);
    }
}
