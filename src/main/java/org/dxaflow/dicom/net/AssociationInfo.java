package org.dxaflow.dicom.net;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What was agreed when the association was established; immutable, safe to hand to handlers.
 *
 * @param peerMaxPduLength the peer's maximum P-DATA-TF variable field length (0 = unlimited); we
 *     must fragment what we send to this
 * @param acceptedContexts accepted presentation contexts by id (rejected ones are absent)
 */
public record AssociationInfo(String callingAeTitle, String calledAeTitle, String remoteAddress,
                              long peerMaxPduLength, String peerImplementationClassUid,
                              String peerImplementationVersionName,
                              Map<Integer, PresentationContext> acceptedContexts) {
    public AssociationInfo {
        acceptedContexts = Map.copyOf(new TreeMap<>(acceptedContexts));
    }

    public Optional<PresentationContext> context(int id) {
        return Optional.ofNullable(acceptedContexts.get(id));
    }

    /** First accepted context for the abstract syntax with the given transfer syntax. */
    public Optional<PresentationContext> findContext(String abstractSyntax, String transferSyntax) {
        return new TreeMap<>(acceptedContexts).values().stream()
                .filter(pc -> pc.abstractSyntax().equals(abstractSyntax)
                        && (transferSyntax == null || pc.transferSyntax().equals(transferSyntax)))
                .findFirst();
    }
}
