package org.dxaflow.justification;

import java.util.Objects;

/**
 * Who is accountable for a decision. AUTO decisions are made under a named practitioner's written
 * delegation (IRMER: the practitioner stays responsible), so even AUTO names the practitioner.
 *
 * @param delegationDocument for AUTO: the written delegation; empty for a practitioner's own decision
 */
public record DecidedBy(Mode mode, Practitioner practitioner, String delegationDocument) {

    public enum Mode { AUTO, PRACTITIONER }

    public DecidedBy {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(practitioner, "practitioner");
        delegationDocument = Objects.requireNonNullElse(delegationDocument, "");
    }

    public static DecidedBy auto(Delegation delegation) {
        return new DecidedBy(Mode.AUTO, delegation.practitioner(), delegation.document());
    }

    public static DecidedBy practitioner(Practitioner practitioner) {
        return new DecidedBy(Mode.PRACTITIONER, practitioner, "");
    }
}
