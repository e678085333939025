package org.dxaflow.order;

import java.time.Instant;
import java.util.List;

/**
 * An order as the engine holds it, its values typed as the HL7 mapper read them.
 *
 * @param requestedDate the day (and time) asked for; unreadable ones are held by the gate
 * @param referralDate  when the referral was made (ORC-9), the day only; unreadable ones are held by the gate
 * @param answers       the referral's OBX as sent, read by {@link ReferralAnswers#read}
 */
public record Order(
        long id,
        String placerOrderNumber,
        String placerApplication,
        String fillerOrderNumber,
        String accessionNumber,
        OrderStatus status,
        CodedValue procedure,
        Clinician referrer,
        SentDate requestedDate,
        SentDate referralDate,
        String priority,
        String clinicalInfo,
        List<ClinicalAnswer> answers,
        String hl7Version,
        Instant receivedAt,
        Instant updatedAt,
        Patient patient) {

    public Order {
        requestedDate = requestedDate == null ? SentDate.NONE : requestedDate;
        referralDate = referralDate == null ? SentDate.NONE : referralDate;
        answers = List.copyOf(answers);
    }

    /**
     * Whether the justification gate reads the same referral from both: the answers, the referrer,
     * the free-text clinical details and the referral date (the patient is compared by the gate's
     * own inputs elsewhere: birth date and sex come with the patient record).
     */
    public boolean sameReferralAs(Order other) {
        return answers.equals(other.answers) && referrer.equals(other.referrer)
                && java.util.Objects.equals(clinicalInfo, other.clinicalInfo)
                && java.util.Objects.equals(referralDate, other.referralDate);
    }

    /** The identifier the API filters on: local MRN, else NHS number. */
    public String patientId() {
        return patient.demographics().primaryId();
    }
}
