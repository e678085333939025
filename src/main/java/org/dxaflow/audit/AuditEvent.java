package org.dxaflow.audit;

import java.time.Instant;

/**
 * One entry of the audit trail: who (user and roles, or the peer's AE title / address for a
 * machine), when, from where, what (action on a resource) and how it ended. {@code patientId} is
 * the patient's row id when the resource belongs to one, so a patient's record of access can be
 * listed. Never patient data itself.
 */
public record AuditEvent(Instant at, String username, String roles, String address, String action,
                         String resourceType, String resourceId, Long patientId, String outcome, String detail) {

    /** Outcomes. */
    public static final String SUCCESS = "SUCCESS";
    public static final String FAILURE = "FAILURE";
    public static final String DENIED = "DENIED";
}
