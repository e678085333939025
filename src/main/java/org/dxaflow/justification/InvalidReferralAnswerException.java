package org.dxaflow.justification;

import java.util.List;

/** One or more referral answers could not be read (wrong type, unknown Y/N value, repeated single answer). */
public class InvalidReferralAnswerException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidReferralAnswerException(List<String> problems) {
        super("Invalid referral answer(s): " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
