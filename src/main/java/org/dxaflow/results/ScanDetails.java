package org.dxaflow.results;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.dxaflow.densitometry.DeviceIdentity;
import org.dxaflow.densitometry.Manufacturer;

/**
 * What the scanner says about the scan besides the measurements. {@code scale} is the calibration
 * the BMD values are on, decided by the mapping from the manufacturer text (OTHER when unknown, so
 * the engine reports its scores as not computable rather than mixing scales). The device serial
 * number (0018,1000) and station name (0008,1010) identify the machine for per-device LSC.
 */
public record ScanDetails(
        LocalDate scanDate,
        String manufacturer,
        Manufacturer scale,
        String model,
        String softwareVersion,
        String referenceDatabase,
        BigDecimal heightCm,
        BigDecimal weightKg,
        String deviceSerialNumber,
        String stationName) {

    /** The scanner as densitometry identifies it (LSC and serial comparison are per device). */
    public DeviceIdentity device() {
        return new DeviceIdentity(manufacturer, model, deviceSerialNumber, stationName);
    }
}
