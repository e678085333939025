package org.dxaflow.order;

import java.util.List;

/**
 * One order as an ORM/OMG order group asks for it: what to do (ORC-1) and to which order.
 *
 * @param referralDate when the referral was made (ORC-9, HL7 TS as sent); the justification
 *                     criteria are worded "at referral", e.g. the patient's age
 */
public record OrderRequest(
        OrderControl control,
        String placerOrderNumber,
        String placerApplication,
        String fillerOrderNumber,
        String accessionNumber,
        CodedValue procedure,
        Clinician referrer,
        String requestedDate,
        String referralDate,
        String priority,
        String clinicalInfo,
        List<ClinicalAnswer> answers) {

    public OrderRequest {
        answers = List.copyOf(answers);
    }
}
