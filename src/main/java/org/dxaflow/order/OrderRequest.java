package org.dxaflow.order;

import java.util.List;

/**
 * One order as an ORM/OMG order group asks for it: what to do (ORC-1) and to which order.
 *
 * @param requestedDate the day (and time) asked for (TQ1-7, ORC-7/OBR-27 start, OBR-6)
 * @param referralDate  when the referral was made (ORC-9), the day only; the justification criteria
 *                      are worded "at referral", e.g. the patient's age
 */
public record OrderRequest(
        OrderControl control,
        String placerOrderNumber,
        String placerApplication,
        String fillerOrderNumber,
        String accessionNumber,
        CodedValue procedure,
        Clinician referrer,
        SentDate requestedDate,
        SentDate referralDate,
        String priority,
        String clinicalInfo,
        List<ClinicalAnswer> answers) {

    public OrderRequest {
        requestedDate = requestedDate == null ? SentDate.NONE : requestedDate;
        referralDate = referralDate == null ? SentDate.NONE : referralDate;
        answers = List.copyOf(answers);
    }
}
