package org.dxaflow.order;

import java.time.LocalDate;
import org.dxaflow.clinical.Sex;

/**
 * The patient as an inbound message describes them.
 *
 * @param birthDate null when not sent or not a date
 * @param sex       null when not sent; {@link Sex#U} when sent as anything but F or M
 */
public record PatientDemographics(
        String mrn,
        String mrnAuthority,
        String nhsNumber,
        PersonName name,
        LocalDate birthDate,
        Sex sex,
        Clinician gp,
        String practiceCode) {

    /** The identifier the engine keys a patient on: the local MRN, else the NHS number. */
    public String primaryId() {
        return mrn != null && !mrn.isEmpty() ? mrn : nhsNumber;
    }
}
