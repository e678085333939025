package org.dxaflow.densitometry;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Moves a BMD from one manufacturer's calibration to another's through the published standardised
 * BMD: BMD(from) → sBMD (from's equation) → BMD(to) (inverse of to's equation). Used for T-/Z-scores
 * when the scanner differs from the reference's scale (NHANES III is Hologic) and for priors from a
 * different manufacturer. Returns empty when either equation is missing: such values are reported
 * as not computable / not comparable rather than silently mixed.
 */
public final class SbmdConversion {

    /** Result of one conversion, with everything needed to redo it by hand. */
    public record Converted(BigDecimal value, BigDecimal sbmd, SbmdEquation from, SbmdEquation to) {
        public boolean identity() {
            return from == null;
        }

        public String describe() {
            if (identity()) {
                return null;
            }
            return "converted via sBMD: " + from.describe() + " -> sBMD " + sbmd.stripTrailingZeros().toPlainString()
                    + "; " + to.describe() + " inverted -> " + value.stripTrailingZeros().toPlainString() + " g/cm²";
        }
    }

    private final ReferenceData referenceData;

    public SbmdConversion(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    public Optional<Converted> convert(BigDecimal bmd, Manufacturer from, Manufacturer to, Site site) {
        if (from == to) {
            return Optional.of(new Converted(bmd, null, null, null));
        }
        Optional<SbmdEquation> fromEq = referenceData.sbmdEquation(from, site);
        Optional<SbmdEquation> toEq = referenceData.sbmdEquation(to, site);
        if (fromEq.isEmpty() || toEq.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal sbmd = fromEq.get().toStandardised(bmd, Rounding.MC);
        BigDecimal value = toEq.get().fromStandardised(sbmd, Rounding.MC);
        return Optional.of(new Converted(value, sbmd, fromEq.get(), toEq.get()));
    }
}
