package org.dxaflow.order;

import java.util.List;

/** One order as an ORM/OMG order group asks for it: what to do (ORC-1) and to which order. */
public record OrderRequest(
        OrderControl control,
        String placerOrderNumber,
        String placerApplication,
        String fillerOrderNumber,
        String accessionNumber,
        CodedValue procedure,
        Clinician referrer,
        String requestedDate,
        String priority,
        String clinicalInfo,
        List<ClinicalAnswer> answers) {

    public OrderRequest {
        answers = List.copyOf(answers);
    }
}
