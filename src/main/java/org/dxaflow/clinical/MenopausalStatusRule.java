package org.dxaflow.clinical;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * How the pathway treats a woman whose menopausal status the referral does not state. One rule, read
 * from conf/clinical/menopausal-status.yaml, used by the justification gate (fracture criterion) and by
 * densitometry (WHO category or Z-score), so the two can never disagree about the same referral.
 *
 * <p>A stated status is always taken as stated. An unstated one is inferred as postmenopausal only
 * from the configured age (when the service configures one); otherwise it stays UNKNOWN, and each
 * caller holds the case for a person rather than choosing the answer for it.
 *
 * @param assumePostmenopausalFromAgeYears empty when the service never infers the status
 * @param source                           file and line the rule was read from, for the basis text
 */
public record MenopausalStatusRule(OptionalInt assumePostmenopausalFromAgeYears, String citation, String source) {

    public MenopausalStatusRule {
        Objects.requireNonNull(assumePostmenopausalFromAgeYears, "assumePostmenopausalFromAgeYears");
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(source, "source");
    }

    /**
     * @param stated     TRUE postmenopausal, FALSE not, null when the referral does not say
     * @param statedAs   how the statement reads where it came from, e.g. "referral MENOPAUSE=Y"
     * @param ageYears   completed years on the day that matters (referral or scan)
     */
    public MenopausalAssessment assess(Boolean stated, String statedAs, int ageYears) {
        if (stated != null) {
            return new MenopausalAssessment(stated ? MenopausalStatus.POSTMENOPAUSAL : MenopausalStatus.PREMENOPAUSAL,
                    false, "stated (" + statedAs + ")");
        }
        if (assumePostmenopausalFromAgeYears.isPresent() && ageYears >= assumePostmenopausalFromAgeYears.getAsInt()) {
            return new MenopausalAssessment(MenopausalStatus.POSTMENOPAUSAL, true,
                    "not stated; inferred postmenopausal from age " + ageYears + " (" + assumePostmenopausalFromAgeYears
                            .getAsInt() + " or over, " + source + ")");
        }
        String why = assumePostmenopausalFromAgeYears.isPresent()
                ? "age " + ageYears + " is under " + assumePostmenopausalFromAgeYears.getAsInt()
                : "the service infers no status from age";
        return new MenopausalAssessment(MenopausalStatus.UNKNOWN, false,
                "not stated; cannot be inferred: " + why + " (" + source + ")");
    }
}
