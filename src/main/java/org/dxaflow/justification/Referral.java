package org.dxaflow.justification;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * The canonical input of the justification gate: one referral (order) with the patient facts the
 * criteria need and the form's answers. Age is derived, not sent, so it is always the age on the
 * referral date (the criteria are worded "at referral", e.g. "patients &lt;65 years").
 *
 * @param referralId placer order number, carried into the decision for the audit trail
 */
public record Referral(
        String referralId,
        LocalDate referralDate,
        LocalDate birthDate,
        Sex sex,
        Referrer referrer,
        ReferralAnswers answers) {

    public Referral {
        referralId = Objects.requireNonNullElse(referralId, "");
        Objects.requireNonNull(referralDate, "referralDate");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(answers, "answers");
        sex = Objects.requireNonNullElse(sex, Sex.U);
        referrer = Objects.requireNonNullElse(referrer, Referrer.NONE);
        if (birthDate.isAfter(referralDate)) {
            throw new IllegalArgumentException("birth date " + birthDate + " is after referral date " + referralDate);
        }
    }

    /** Completed years of age on the referral date. */
    public int ageYears() {
        return Period.between(birthDate, referralDate).getYears();
    }
}
