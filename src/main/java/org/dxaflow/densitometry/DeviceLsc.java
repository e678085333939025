package org.dxaflow.densitometry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * LSC values (g/cm²) of one device from its precision study (ISCD: 30 patients scanned twice or 15
 * three times; LSC = 2.77 × RMS-SD), keyed by region label ("FEMORAL_NECK", "L1-L4", "L1,L2,L4"), or
 * the shipped defaults ({@code device} and {@code study} null, {@code shippedDefault} true), which
 * are no centre's precision and are labelled as such wherever they are used.
 */
public record DeviceLsc(DeviceSelector device, String name, PrecisionStudyInfo study, Map<String, BigDecimal> values,
                        boolean shippedDefault) {

    /** When and on how many patients the precision study was done. */
    public record PrecisionStudyInfo(LocalDate date, int patients, int scansPerPatient) {
    }

    public DeviceLsc {
        values = Map.copyOf(values);
    }

    public Optional<BigDecimal> forRegion(String label) {
        return Optional.ofNullable(values.get(label));
    }

    public String describe() {
        if (shippedDefault) {
            return name + " (default LSC, not this centre's precision)";
        }
        return name + " (" + device.describe() + ", precision study " + study.date() + ", " + study.patients()
                + " patients × " + study.scansPerPatient() + " scans)";
    }
}
