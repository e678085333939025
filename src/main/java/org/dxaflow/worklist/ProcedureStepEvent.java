package org.dxaflow.worklist;

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

    public boolean isFinal() {
        return COMPLETED.equals(status) || DISCONTINUED.equals(status);
    }
}
