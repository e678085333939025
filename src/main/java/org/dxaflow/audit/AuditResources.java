package org.dxaflow.audit;

import org.dxaflow.store.Jdbc;

import java.util.Optional;

/**
 * The patient a resource belongs to, so that an access to an order, a result or a report is listed
 * under that patient in the audit trail.
 */
public final class AuditResources {

    private final Jdbc jdbc;

    public AuditResources(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Long> patientOf(String resourceType, String resourceId) {
        long id;
        try {
            id = Long.parseLong(resourceId == null ? "" : resourceId.trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String sql;
        switch (resourceType == null ? "" : resourceType) {
            case "ORDER":
                sql = "SELECT patient_id FROM dxa_order WHERE id = ?";
                break;
            case "RESULT":
                sql = "SELECT o.patient_id FROM dxa_result r JOIN dxa_order o ON o.id = r.order_id WHERE r.id = ?";
                break;
            case "REPORT":
                sql = "SELECT o.patient_id FROM report r JOIN dxa_order o ON o.id = r.order_id WHERE r.id = ?";
                break;
            case "DELIVERY":
                sql = "SELECT o.patient_id FROM delivery d JOIN report r ON r.id = d.report_id"
                        + " JOIN dxa_order o ON o.id = r.order_id WHERE d.id = ?";
                break;
            default:
                return Optional.empty();
        }
        return jdbc.query(sql, rs -> Jdbc.nullableLong(rs, "patient_id"), id).stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }
}
