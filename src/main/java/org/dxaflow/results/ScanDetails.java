package org.dxaflow.results;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.dxaflow.densitometry.Manufacturer;

/**
 * What the scanner says about the scan besides the measurements. {@code scale} is the calibration
 * the BMD values are on, decided by the mapping from the manufacturer text (OTHER when unknown, so
 * the engine reports its scores as not computable rather than mixing scales).
 */
public record ScanDetails(
        LocalDate scanDate,
        String manufacturer,
        Manufacturer scale,
        String model,
        String softwareVersion,
        String referenceDatabase,
        BigDecimal heightCm,
        BigDecimal weightKg) {
}
