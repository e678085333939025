package org.dxaflow.order;

import java.time.LocalDate;

/** The patient as an inbound message describes them. */
public record PatientDemographics(
        String mrn,
        String mrnAuthority,
        String nhsNumber,
        PersonName name,
        LocalDate birthDate,
        String sex,
        Clinician gp,
        String practiceCode) {

    /** The identifier the engine keys a patient on: the local MRN, else the NHS number. */
    public String primaryId() {
        return mrn != null && !mrn.isEmpty() ? mrn : nhsNumber;
    }
}
