package org.dxaflow.clinical;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * The patient's sex, the one reading every step uses: the justification criteria, the reference
 * populations of densitometry (tabulated by sex: NHANES III), the worklist and the RIS messages.
 * {@code U} is anything recorded that is neither F nor M (unknown, other, ambiguous, not
 * applicable): the criteria treat it as "not stated", and densitometry cannot pick a reference
 * population for it, so a result for such a patient waits for a person.
 *
 * <p>HL7 PID-8 is read into this once, by the HL7 mapper ({@code hl7/PatientMapper}); this class
 * reads only the plain words of the densitometry API and its configuration.
 */
public enum Sex {
    F, M, U;

    @JsonValue
    public String code() {
        return name();
    }

    /** F or M: the sexes a reference population is tabulated for. */
    public boolean isFemaleOrMale() {
        return this != U;
    }

    /**
     * F or M written as a code or a word ({@code "F"}, {@code "female"}), for the densitometry API and
     * its configuration; anything else is empty, never U, so that the caller reports it.
     */
    public static Optional<Sex> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "F", "FEMALE" -> Optional.of(F);
            case "M", "MALE" -> Optional.of(M);
            default -> Optional.empty();
        };
    }
}
