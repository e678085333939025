package org.dxaflow.justification;

import java.util.List;
import java.util.Objects;

/**
 * A practitioner's decision on a held order (from the review UI / REST layer).
 *
 * @param protocolOverride protocol code values replacing the proposed protocol; empty = keep the proposal
 */
public record PractitionerDecision(
        Action action,
        Practitioner practitioner,
        String comment,
        List<String> protocolOverride) {

    public enum Action { JUSTIFY, RETURN, REJECT }

    public PractitionerDecision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(practitioner, "practitioner");
        comment = Objects.requireNonNullElse(comment, "").trim();
        protocolOverride = List.copyOf(Objects.requireNonNullElse(protocolOverride, List.of()));
    }
}
