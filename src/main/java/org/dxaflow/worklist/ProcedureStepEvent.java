package org.dxaflow.worklist;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The scanner reported a change of a Modality Performed Procedure Step: started (IN PROGRESS),
 * COMPLETED or DISCONTINUED. Carries identifiers only, never patient data.
 */
public record ProcedureStepEvent(
        String sopInstanceUid,
        String status,
        Long orderId,
        String accessionNumber,
        String studyInstanceUid,
        String performedStation,
        String startedAt,
        String endedAt) {

    public static final String IN_PROGRESS = "IN PROGRESS";
    public static final String COMPLETED = "COMPLETED";
    public static final String DISCONTINUED = "DISCONTINUED";

    @JsonIgnore // derived from status: not part of the event on the queue
    public boolean isFinal() {
        return COMPLETED.equals(status) || DISCONTINUED.equals(status);
    }
}
