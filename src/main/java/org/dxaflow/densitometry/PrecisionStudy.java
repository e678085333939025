package org.dxaflow.densitometry;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A centre's in vivo precision study (ISCD Official Positions, precision assessment): each patient
 * scanned two or three times with repositioning; per region the precision error is the root mean
 * square of the patients' standard deviations (RMS-SD, g/cm²) and the least significant change at
 * 95 % confidence is LSC = 2.77 × RMS-SD. ISCD asks for 30 degrees of freedom: 30 patients scanned
 * twice or 15 scanned three times.
 */
public final class PrecisionStudy {

    /** ISCD: "2.77 × precision error" (95 % confidence, two measurements: 1.96 × √2). */
    public static final BigDecimal LSC_FACTOR = new BigDecimal("2.77");
    /** ISCD: 30 degrees of freedom (30 patients × 2 scans, or 15 × 3). */
    public static final int MINIMUM_DEGREES_OF_FREEDOM = 30;

    /** One BMD measurement of the study. */
    public record Scan(String patient, String region, BigDecimal bmd) {
    }

    /** The outcome for one region; {@code meetsIscdSize} false when fewer than 30 degrees of freedom. */
    public record RegionPrecision(String region, int patients, int scans, int degreesOfFreedom, BigDecimal rmsSd,
                                  BigDecimal lsc, boolean meetsIscdSize) {
    }

    private static final MathContext MC = MathContext.DECIMAL64;

    /**
     * @throws IllegalArgumentException a patient with a single scan of a region (no precision from one scan)
     */
    public List<RegionPrecision> compute(List<Scan> scans) {
        Map<String, Map<String, List<BigDecimal>>> byRegion = new LinkedHashMap<>();
        for (Scan s : scans) {
            byRegion.computeIfAbsent(s.region(), r -> new LinkedHashMap<>())
                    .computeIfAbsent(s.patient(), p -> new ArrayList<>()).add(s.bmd());
        }
        List<RegionPrecision> out = new ArrayList<>();
        byRegion.forEach((region, patients) -> {
            BigDecimal sumVariance = BigDecimal.ZERO;
            int degrees = 0;
            int count = 0;
            for (Map.Entry<String, List<BigDecimal>> p : patients.entrySet()) {
                List<BigDecimal> v = p.getValue();
                if (v.size() < 2) {
                    throw new IllegalArgumentException(region + ": patient " + p.getKey()
                            + " has one scan; precision needs two or more per patient");
                }
                sumVariance = sumVariance.add(variance(v));
                degrees += v.size() - 1;
                count += v.size();
            }
            BigDecimal rms = sumVariance.divide(BigDecimal.valueOf(patients.size()), MC).sqrt(MC);
            out.add(new RegionPrecision(region, patients.size(), count, degrees,
                    rms.setScale(4, RoundingMode.HALF_UP),
                    LSC_FACTOR.multiply(rms, MC).setScale(3, RoundingMode.HALF_UP),
                    degrees >= MINIMUM_DEGREES_OF_FREEDOM));
        });
        return out;
    }

    /** Sample variance (n − 1) of one patient's repeated scans. */
    private static BigDecimal variance(List<BigDecimal> v) {
        BigDecimal mean = v.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(v.size()), MC);
        BigDecimal ss = v.stream().map(x -> x.subtract(mean).pow(2)).reduce(BigDecimal.ZERO, BigDecimal::add);
        return ss.divide(BigDecimal.valueOf(v.size() - 1L), MC);
    }
}
