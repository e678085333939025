package org.dxaflow.densitometry;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Change of one region against the most recent prior: ΔBMD = current − prior (g/cm²), % = Δ / prior
 * × 100, significant when |ΔBMD| ≥ LSC. A prior from another manufacturer is first moved onto the
 * current scanner's scale through sBMD (conf {@code crossManufacturerPriors: SBMD}) or reported as
 * not comparable ({@code NOT_COMPARABLE}, or when no published equation covers the region).
 */
public final class SerialChange {

    public static final String SAME_MANUFACTURER = "SAME_MANUFACTURER";
    public static final String SBMD = "SBMD";

    private final SbmdConversion conversion;
    private final LeastSignificantChange lsc;
    private final DensitometrySettings settings;

    public SerialChange(SbmdConversion conversion, LeastSignificantChange lsc, DensitometrySettings settings) {
        this.conversion = conversion;
        this.lsc = lsc;
        this.settings = settings;
    }

    /**
     * @param label      region label used for the LSC lookup and the result ("FEMORAL_NECK", "L1-L4", "L1,L2,L4")
     * @param site       site whose sBMD equation applies, or null when none can (non-contiguous vertebrae)
     */
    public ChangeResult compare(String label, Site site, Laterality laterality,
                                BigDecimal current, Manufacturer currentManufacturer,
                                BigDecimal prior, Manufacturer priorManufacturer) {
        Rounding rounding = settings.rounding();
        Optional<BigDecimal> lscValue = lsc.forRegion(label);
        BigDecimal priorOnCurrentScale;
        String method;
        String note = null;
        if (priorManufacturer == currentManufacturer) {
            priorOnCurrentScale = prior;
            method = SAME_MANUFACTURER;
        } else if (settings.crossManufacturerPriors() == CrossManufacturerPriors.NOT_COMPARABLE) {
            return notComparable(label, laterality, lscValue, "prior measured on " + priorManufacturer
                    + ", current on " + currentManufacturer + "; cross-manufacturer comparison disabled in conf");
        } else {
            Optional<SbmdConversion.Converted> c = site == null ? Optional.empty()
                    : conversion.convert(prior, priorManufacturer, currentManufacturer, site);
            if (c.isEmpty()) {
                return notComparable(label, laterality, lscValue, "prior measured on " + priorManufacturer
                        + ", current on " + currentManufacturer + "; no published sBMD equations for " + label);
            }
            priorOnCurrentScale = c.get().value();
            method = SBMD;
            note = "prior " + prior.toPlainString() + " g/cm² (" + priorManufacturer + ") " + c.get().describe()
                    + "; sBMD equations carry a standard error of several percent (Fan et al. 2010), interpret with care";
        }
        BigDecimal delta = current.subtract(priorOnCurrentScale, Rounding.MC);
        BigDecimal percent = delta.multiply(BigDecimal.valueOf(100)).divide(priorOnCurrentScale, Rounding.MC);
        Boolean significant = lscValue.map(l -> LeastSignificantChange.isSignificant(delta, l)).orElse(null);
        if (lscValue.isEmpty()) {
            note = join(note, "no LSC configured for " + label + " (ISCD: derive it from the centre's own precision study)");
        }
        return new ChangeResult(label, laterality, rounding.bmd(delta), rounding.percent(percent),
                lscValue.orElse(null), significant, true, method, note);
    }

    private static ChangeResult notComparable(String label, Laterality laterality, Optional<BigDecimal> lscValue,
                                              String reason) {
        return new ChangeResult(label, laterality, null, null, lscValue.orElse(null), null, false, null, reason);
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }
}
