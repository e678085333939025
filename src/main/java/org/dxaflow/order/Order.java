package org.dxaflow.order;

import java.time.Instant;
import java.util.List;

/** An order as the engine holds it. */
public record Order(
        long id,
        String placerOrderNumber,
        String placerApplication,
        String fillerOrderNumber,
        String accessionNumber,
        OrderStatus status,
        CodedValue procedure,
        Clinician referrer,
        String requestedDate,
        String referralDate,
        String priority,
        String clinicalInfo,
        List<ClinicalAnswer> answers,
        String hl7Version,
        Instant receivedAt,
        Instant updatedAt,
        Patient patient) {

    public Order {
        answers = List.copyOf(answers);
    }

    /** The identifier the API filters on: local MRN, else NHS number. */
    public String patientId() {
        return patient.demographics().primaryId();
    }
}
