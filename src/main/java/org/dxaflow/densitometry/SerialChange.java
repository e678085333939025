package org.dxaflow.densitometry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Change of one region against the most recent prior: ΔBMD = current − prior (g/cm²), % = Δ / prior
 * × 100, significant when |ΔBMD| ≥ LSC. Precision belongs to a device (ISCD), so:
 * <ul>
 *   <li>same device (same serial number or station name): compared against that device's LSC, or the
 *       shipped default LSC, labelled as such;</li>
 *   <li>same manufacturer, device not identified in one of the results: compared, with a note that the
 *       same device was assumed;</li>
 *   <li>another device or manufacturer: compared only through a configured cross-calibration
 *       (relation and LSC between the two devices). Without one the change is NOT comparable: both
 *       BMDs are shown, with the sBMD estimate for information when the manufacturers differ (sBMD
 *       equations carry a standard error of several percent, Fan et al. 2010, so it never decides
 *       significance).</li>
 * </ul>
 */
public final class SerialChange {

    public static final String SAME_DEVICE = "SAME_DEVICE";
    public static final String SAME_MANUFACTURER_DEVICE_NOT_IDENTIFIED = "SAME_MANUFACTURER_DEVICE_NOT_IDENTIFIED";
    public static final String CROSS_CALIBRATED = "CROSS_CALIBRATED";
    public static final String NOT_COMPARABLE = "NOT_COMPARABLE";

    private final SbmdConversion conversion;
    private final LeastSignificantChange lsc;
    private final DensitometrySettings settings;

    public SerialChange(SbmdConversion conversion, LeastSignificantChange lsc, DensitometrySettings settings) {
        this.conversion = conversion;
        this.lsc = lsc;
        this.settings = settings;
    }

    /**
     * @param label region label used for the LSC lookup and the result ("FEMORAL_NECK", "L1-L4", "L1,L2,L4")
     * @param site  site whose sBMD equation applies, or null when none can (non-contiguous vertebrae)
     */
    public ChangeResult compare(String label, Site site, Laterality laterality, BigDecimal current, ScanInput now,
                                BigDecimal prior, PriorScan before) {
        DeviceIdentity.Sameness sameness = now.device().comparedWith(before.device());
        boolean sameScale = now.manufacturer() == before.manufacturer() && now.manufacturer() != Manufacturer.OTHER;
        if (sameScale && sameness == DeviceIdentity.Sameness.SAME) {
            DeviceLsc table = lsc.forDevice(now.device());
            return quantitative(label, laterality, current, prior, prior, table.forRegion(label).orElse(null),
                    table.shippedDefault(), SAME_DEVICE, lscNote(table, label));
        }
        if (sameScale && sameness == DeviceIdentity.Sameness.NOT_IDENTIFIED) {
            DeviceLsc table = lsc.forDevice(now.device());
            String note = "device not identified in " + (now.device().isIdentified() ? "the prior" : "this")
                    + " result: the same " + now.manufacturer() + " device is assumed; confirm before relying on it";
            return quantitative(label, laterality, current, prior, prior, table.forRegion(label).orElse(null),
                    table.shippedDefault(), SAME_MANUFACTURER_DEVICE_NOT_IDENTIFIED,
                    join(note, lscNote(table, label)));
        }
        Optional<CrossCalibration> cross = lsc.crossCalibration(before.device(), now.device());
        Optional<CrossCalibration.SiteCalibration> calibration = cross.flatMap(c -> c.forRegion(label));
        if (calibration.isPresent()) {
            CrossCalibration.SiteCalibration c = calibration.get();
            BigDecimal onCurrent = c.intercept().add(c.slope().multiply(prior, Rounding.MC), Rounding.MC);
            return quantitative(label, laterality, current, prior, onCurrent, c.lsc(), false, CROSS_CALIBRATED,
                    "prior on " + before.device().describe() + " moved onto this device by the " + cross.get().describe()
                            + ": " + c.intercept().toPlainString() + " + " + c.slope().toPlainString() + " × "
                            + prior.toPlainString());
        }
        return notComparable(label, site, laterality, current, now, prior, before, sameScale, cross.isPresent());
    }

    private ChangeResult quantitative(String label, Laterality laterality, BigDecimal current, BigDecimal prior,
                                      BigDecimal priorOnCurrent, BigDecimal lscValue, boolean lscIsDefault,
                                      String method, String note) {
        Rounding rounding = settings.rounding();
        BigDecimal delta = current.subtract(priorOnCurrent, Rounding.MC);
        BigDecimal percent = delta.multiply(BigDecimal.valueOf(100)).divide(priorOnCurrent, Rounding.MC);
        Boolean significant = lscValue == null ? null : LeastSignificantChange.isSignificant(delta, lscValue);
        return new ChangeResult(label, laterality, current, prior,
                priorOnCurrent.compareTo(prior) == 0 ? null : rounding.bmd(priorOnCurrent),
                rounding.bmd(delta), rounding.percent(percent), lscValue, lscValue != null && lscIsDefault,
                significant, true, method, note);
    }

    private ChangeResult notComparable(String label, Site site, Laterality laterality, BigDecimal current,
                                       ScanInput now, BigDecimal prior, PriorScan before, boolean sameScale,
                                       boolean crossCalibrationWithoutRegion) {
        List<String> why = new ArrayList<>();
        why.add("prior on " + describe(before.device(), before.manufacturer()) + ", this scan on "
                + describe(now.device(), now.manufacturer()));
        why.add(crossCalibrationWithoutRegion
                ? "the cross-calibration of these devices has no " + label + " entry"
                : "no cross-calibration between the two devices is configured (ISCD: cross-calibrate before"
                        + " comparing quantitatively; conf/densitometry/lsc.yaml crossCalibrations)");
        BigDecimal estimate = null;
        if (!sameScale && site != null && before.manufacturer() != Manufacturer.OTHER
                && now.manufacturer() != Manufacturer.OTHER) {
            Optional<SbmdConversion.Converted> c = conversion.convert(prior, before.manufacturer(), now.manufacturer(), site);
            if (c.isPresent()) {
                estimate = settings.rounding().bmd(c.get().value());
                why.add("sBMD estimate of the prior on this scale " + estimate.toPlainString() + " g/cm² ("
                        + c.get().describe() + ") is for information only: sBMD equations carry a standard error of"
                        + " several percent (Fan et al. 2010)");
            }
        }
        return new ChangeResult(label, laterality, current, prior, estimate, null, null, null, false, null, false,
                NOT_COMPARABLE, String.join("; ", why));
    }

    private static String describe(DeviceIdentity device, Manufacturer scale) {
        return device.isIdentified() ? device.describe() : scale + " (device not identified)";
    }

    private static String lscNote(DeviceLsc table, String label) {
        if (table.forRegion(label).isEmpty()) {
            return "no LSC configured for " + label + " on " + table.name()
                    + " (ISCD: derive it from the centre's own precision study)";
        }
        return table.shippedDefault() ? "default LSC, not this centre's precision (" + table.name() + ")"
                : "LSC from " + table.describe();
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }
}
