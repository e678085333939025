package org.dxaflow.justification;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How one threshold of the written criteria is read at its boundary, signed by the practitioner in
 * rules.yaml ({@code delegation.thresholdReadings}). The sources write strict inequalities (the seed's
 * "steroids for &gt;3 months", "prednisolone &gt;15 mg daily"); whether exactly that value meets the
 * criterion is a clinical decision of the service, so it is named and signed, never a silent reading
 * in code.
 *
 * @param name    the key in {@code delegation.thresholdReadings}, e.g. {@code steroidDuration}
 * @param source  where the wording comes from, e.g. "seed Appendix 2 item 2a"
 * @param wording the boundary as the source writes it, e.g. "&gt;3 months" (part of {@code quote})
 * @param quote   the source's sentence, quoted
 * @param reading whether exactly the threshold value meets the criterion
 */
public record ThresholdReading(String name, String source, String wording, String quote, Reading reading) {

    /** INCLUSIVE: the threshold value itself meets the criterion (&ge;); EXCLUSIVE: only above it (&gt;). */
    public enum Reading { INCLUSIVE, EXCLUSIVE }

    public ThresholdReading {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reading, "reading");
        source = Objects.requireNonNullElse(source, "");
        wording = Objects.requireNonNullElse(wording, "");
        quote = Objects.requireNonNullElse(quote, "");
    }

    /** Whether {@code value} meets a criterion whose threshold is {@code threshold}, under this reading. */
    public boolean meets(BigDecimal value, BigDecimal threshold) {
        int c = value.compareTo(threshold);
        return reading == Reading.INCLUSIVE ? c >= 0 : c > 0;
    }

    /** The criterion as applied, e.g. "3 months or more" / "more than 3 months". */
    public String criterion(BigDecimal threshold, String unit) {
        String t = threshold.toPlainString() + " " + unit;
        return reading == Reading.INCLUSIVE ? t + " or more" : "more than " + t;
    }

    /** What falls short of it, e.g. "under 3 months" / "3 months or less". */
    public String shortOf(BigDecimal threshold, String unit) {
        String t = threshold.toPlainString() + " " + unit;
        return reading == Reading.INCLUSIVE ? "under " + t : t + " or less";
    }

    /** For the decision's notes: which signed reading was applied. */
    public String citation() {
        return "\"" + wording + "\" read " + reading + " (signed: delegation.thresholdReadings." + name + ")";
    }
}
