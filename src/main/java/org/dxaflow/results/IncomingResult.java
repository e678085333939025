package org.dxaflow.results;

import java.time.Instant;
import java.util.Objects;
import org.dxaflow.results.mapping.MappingOutcome;

/**
 * One result as it enters the results pipeline, from either source: which object it is (SOP
 * Instance UID or HL7 intake id, unique per source type), where it is kept, and what the mappings
 * made of it.
 */
public record IncomingResult(SourceType sourceType, String sourceRef, Long storedObjectId, Long inboundMessageId,
                             Instant receivedAt, MappingOutcome outcome) {
    public IncomingResult {
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(sourceRef, "sourceRef");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** Log-safe description: identifiers of the object, never patient data. */
    public String describe() {
        return sourceType + " " + sourceRef;
    }
}
