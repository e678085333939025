package org.dxaflow.justification;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import org.dxaflow.clinical.Sex;
import org.dxaflow.order.ReferralAnswers;

/**
 * The canonical input of the justification gate: one referral (order) with the patient facts the
 * criteria need and the form's answers. Age is derived, not sent, so it is always the age on the
 * referral date (the criteria are worded "at referral", e.g. "patients &lt;65 years").
 *
 * @param referralId      placer order number, carried into the decision for the audit trail
 * @param clinicalDetails the order's free-text clinical information (OBR-13): the request form's
 *                        "Other relevant clinical details including current bone-active treatment";
 *                        empty when none. The criteria cannot read it, so it is never ignored either:
 *                        a referral with clinical details is not returned automatically.
 */
public record Referral(
        String referralId,
        LocalDate referralDate,
        LocalDate birthDate,
        Sex sex,
        Referrer referrer,
        ReferralAnswers answers,
        String clinicalDetails) {

    /** A referral without free-text clinical details. */
    public Referral(String referralId, LocalDate referralDate, LocalDate birthDate, Sex sex, Referrer referrer,
                    ReferralAnswers answers) {
        this(referralId, referralDate, birthDate, sex, referrer, answers, "");
    }

    public Referral {
        referralId = Objects.requireNonNullElse(referralId, "");
        clinicalDetails = Objects.requireNonNullElse(clinicalDetails, "").strip();
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
