package org.dxaflow.justification;

import java.util.List;
import java.util.Objects;

/**
 * The written delegation under which AUTO decisions are made: seed "Appointment" — the practitioner
 * "may delegate this task to an operator ... the practitioner must provide written criteria". The
 * rule set is those criteria; this names whose they are, which document grants the delegation, and
 * the boundary readings of the criteria that the practitioner signed with it.
 */
public record Delegation(Practitioner practitioner, String document, ThresholdReadings thresholdReadings) {

    public Delegation {
        Objects.requireNonNull(practitioner, "practitioner");
        Objects.requireNonNull(thresholdReadings, "thresholdReadings");
    }

    /**
     * Every boundary the sources write as a strict inequality and the engine has to decide on
     * (rules.yaml {@code delegation.thresholdReadings}; all required).
     *
     * @param steroidDuration seed Appendix 2 item 2a, "steroids for &gt;3 months" ({@code steroids.minDurationMonths})
     * @param steroidDose     seed Appendix 2 item 2b, "prednisolone &gt;15 mg daily" ({@code steroids.minDailyDoseMg})
     * @param vfaHeightLoss   ISCD 2019, "historical height loss &gt; 4 cm" ({@code protocol.vfa.heightLossMinCm})
     */
    public record ThresholdReadings(ThresholdReading steroidDuration, ThresholdReading steroidDose,
                                    ThresholdReading vfaHeightLoss) {

        /** The keys of {@code delegation.thresholdReadings}, in file order. */
        public static final List<String> NAMES = List.of("steroidDuration", "steroidDose", "vfaHeightLoss");

        public ThresholdReadings {
            Objects.requireNonNull(steroidDuration, "steroidDuration");
            Objects.requireNonNull(steroidDose, "steroidDose");
            Objects.requireNonNull(vfaHeightLoss, "vfaHeightLoss");
        }

        public List<ThresholdReading> all() {
            return List.of(steroidDuration, steroidDose, vfaHeightLoss);
        }
    }
}
