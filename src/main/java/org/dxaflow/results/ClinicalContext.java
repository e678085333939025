package org.dxaflow.results;

import java.time.LocalDate;
import java.util.List;
import org.dxaflow.clinical.Sex;
import org.dxaflow.densitometry.Referral;

/**
 * What the computation needs to know about the patient, from the order (patient record and the
 * referral's answers), each with where it came from so a reader of the result can check it.
 *
 * @param menopausal        null when the referral does not say (the conf/clinical menopausal-status rule
 *                          then decides, in densitometry as in the gate)
 * @param fragilityFracture null when the referral does not say
 * @param problems   why the computation cannot run (no sex, no birth date); empty when it can
 */
public record ClinicalContext(Sex sex, LocalDate birthDate, Boolean menopausal, String menopausalSource,
                              Boolean fragilityFracture, String fragilityFractureSource, Referral referral,
                              List<String> problems) {
    public ClinicalContext {
        problems = List.copyOf(problems);
    }
}
