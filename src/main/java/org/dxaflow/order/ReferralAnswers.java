package org.dxaflow.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The referral form's answers as canonical fields (see {@link ReferralField}). Absent answers are
 * {@link Optional#empty()}, {@link YesNo#U}, {@link Pregnancy#U}, an empty list or empty text:
 * "not stated" is clinically meaningful (it can make a criterion UNKNOWN), so it is never defaulted.
 * REFREASON and CONDITION keep the codes as received, unknown ones included.
 *
 * <p>Every reader of an order's answers reads them here ({@link #read}), with one rule for a value
 * that cannot be read (a number that is not one, an unknown code, a second answer to a single
 * question, a date that is not a date): its field is absent, as if not stated, <em>and</em> it is
 * listed in {@link #unreadable} with why. Absent never stands for "no", and an unreadable answer is
 * never silently nothing: the gate holds such a referral for a practitioner, the results step holds a
 * result that needs the answer for the reporter, and the worklist leaves the value off the item.
 *
 * @param unreadable the answers that were given but could not be read, each with why ("FIELD: ...")
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
        String specialNeeds,
        Map<ReferralField, String> unreadable) {

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
        EnumMap<ReferralField, String> copy = new EnumMap<>(ReferralField.class);
        copy.putAll(unreadable);
        unreadable = Collections.unmodifiableMap(copy);
    }

    /**
     * The answers of an order's referral: its OBX (as stored with the order) through the site's
     * question mapping. OBX whose code the mapping does not know are not answers to any question.
     */
    public static ReferralAnswers read(List<ClinicalAnswer> answers, ReferralQuestions questions) {
        Map<ReferralField, List<String>> values = new EnumMap<>(ReferralField.class);
        for (ClinicalAnswer a : answers) {
            Optional<ReferralField> field = questions.fieldFor(a.code(), a.codingSystem());
            if (field.isPresent()) {
                // repeating answers (REFREASON, CONDITION) may come as repetitions of one OBX or as several
                values.computeIfAbsent(field.get(), f -> new ArrayList<>()).addAll(a.values());
            }
        }
        return of(values);
    }

    /** The answers from canonical field values (OBX-5 as text, in message order); blank values are not answers. */
    public static ReferralAnswers of(Map<ReferralField, List<String>> values) {
        return new ReferralAnswerReader(values).answers();
    }

    /** Why each unreadable answer could not be read, in field order; empty when every answer was read. */
    public List<String> problems() {
        return List.copyOf(unreadable.values());
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
