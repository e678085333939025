package org.dxaflow.justification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The referral form's answers as canonical fields (see {@link ReferralField}). Absent answers are
 * {@link Optional#empty()}, {@link YesNo#U}, {@link Pregnancy#U}, an empty list or empty text:
 * "not stated" is clinically meaningful (it can make a criterion UNKNOWN), so it is never defaulted.
 * REFREASON and CONDITION keep the codes as received, unknown ones included.
 */
public record ReferralAnswers(
        List<String> reasons,
        YesNo fractureAfter40,
        String fractureDetails,
        YesNo menopause,
        Optional<SteroidRoute> steroidRoute,
        YesNo steroidOralCourses,
        Optional<BigDecimal> steroidDoseMg,
        Optional<BigDecimal> steroidDurationMonths,
        List<String> conditions,
        Optional<BigDecimal> fraxMof,
        Optional<BigDecimal> fraxHip,
        Optional<NoggZone> noggZone,
        YesNo osteoTreatment,
        Optional<LocalDate> previousDxaDate,
        String previousDxaSite,
        Optional<BigDecimal> weightKg,
        Optional<BigDecimal> heightCm,
        Optional<BigDecimal> heightLossCm,
        Pregnancy pregnant,
        Optional<LocalDate> recentNmOrContrastDate,
        String specialNeeds) {

    public ReferralAnswers {
        reasons = List.copyOf(reasons);
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(fractureAfter40, "fractureAfter40");
        Objects.requireNonNull(menopause, "menopause");
        Objects.requireNonNull(steroidOralCourses, "steroidOralCourses");
        Objects.requireNonNull(osteoTreatment, "osteoTreatment");
        Objects.requireNonNull(pregnant, "pregnant");
        Objects.requireNonNull(steroidRoute, "steroidRoute");
        Objects.requireNonNull(steroidDoseMg, "steroidDoseMg");
        Objects.requireNonNull(steroidDurationMonths, "steroidDurationMonths");
        Objects.requireNonNull(fraxMof, "fraxMof");
        Objects.requireNonNull(fraxHip, "fraxHip");
        Objects.requireNonNull(noggZone, "noggZone");
        Objects.requireNonNull(previousDxaDate, "previousDxaDate");
        Objects.requireNonNull(weightKg, "weightKg");
        Objects.requireNonNull(heightCm, "heightCm");
        Objects.requireNonNull(heightLossCm, "heightLossCm");
        Objects.requireNonNull(recentNmOrContrastDate, "recentNmOrContrastDate");
        fractureDetails = Objects.requireNonNullElse(fractureDetails, "");
        previousDxaSite = Objects.requireNonNullElse(previousDxaSite, "");
        specialNeeds = Objects.requireNonNullElse(specialNeeds, "");
    }

    /** Reason codes that are one of the form's six boxes. */
    public List<ReferralReason> knownReasons() {
        return reasons.stream().map(ReferralReason::fromCode).flatMap(Optional::stream).distinct().toList();
    }

    /** Reason codes this rule engine does not know (kept for the practitioner to read). */
    public List<String> unknownReasonCodes() {
        return reasons.stream().filter(code -> ReferralReason.fromCode(code).isEmpty()).distinct().toList();
    }

    public boolean hasReason(ReferralReason reason) {
        return reasons.contains(reason.name());
    }
}
