package org.dxaflow.densitometry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * An in vivo cross-calibration between two devices (ISCD: when a system is replaced, scan patients
 * on both and derive the relation and the LSC between them before comparing quantitatively). The
 * prior device's BMD is moved onto the current device's scale as {@code intercept + slope × BMD}, and
 * the change is judged against the cross-calibration LSC of that region.
 */
public record CrossCalibration(DeviceSelector from, DeviceSelector to, LocalDate date, int patients,
                               Map<String, SiteCalibration> sites) {

    /** Relation and LSC of one region. */
    public record SiteCalibration(BigDecimal slope, BigDecimal intercept, BigDecimal lsc) {
    }

    public CrossCalibration {
        sites = Map.copyOf(sites);
    }

    public boolean covers(DeviceIdentity prior, DeviceIdentity current) {
        return from.matches(prior) && to.matches(current);
    }

    public Optional<SiteCalibration> forRegion(String label) {
        return Optional.ofNullable(sites.get(label));
    }

    public String describe() {
        return "cross-calibration " + from.describe() + " → " + to.describe() + " (" + date + ", " + patients
                + " patients)";
    }
}
