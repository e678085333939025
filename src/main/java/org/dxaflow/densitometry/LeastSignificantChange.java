package org.dxaflow.densitometry;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * LSC per device (conf/densitometry/lsc.yaml). ISCD: each centre measures its own precision, per
 * device, and after excluding vertebrae the LSC for that combination has to be derived again (ISCD
 * 2023), so a missing region key means "no LSC configured", never a borrowed value. A device with no
 * entry gets the shipped defaults, and every change computed with them says so.
 */
public record LeastSignificantChange(String citation, DeviceLsc defaults, List<DeviceLsc> devices,
                                     List<CrossCalibration> crossCalibrations, String source) {

    public LeastSignificantChange {
        devices = List.copyOf(devices);
        crossCalibrations = List.copyOf(crossCalibrations);
    }

    /** The first device entry that matches, else the shipped defaults. */
    public DeviceLsc forDevice(DeviceIdentity device) {
        return devices.stream().filter(d -> d.device().matches(device)).findFirst().orElse(defaults);
    }

    public Optional<CrossCalibration> crossCalibration(DeviceIdentity prior, DeviceIdentity current) {
        return crossCalibrations.stream().filter(c -> c.covers(prior, current)).findFirst();
    }

    /** True while no device has its own precision study: every change uses the shipped defaults. */
    public boolean onlyDefaults() {
        return devices.isEmpty();
    }

    /** A change is significant when its magnitude reaches the LSC (|Δ| ≥ LSC, ISCD 95 % confidence). */
    public static boolean isSignificant(BigDecimal delta, BigDecimal lsc) {
        return delta.abs().compareTo(lsc) >= 0;
    }
}
