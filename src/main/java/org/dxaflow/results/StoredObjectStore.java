package org.dxaflow.results;

import java.util.List;
import org.dxaflow.hl7.InboundMessageStore;
import org.dxaflow.store.Jdbc;

/** Every object the Storage SCP received, once per SOP Instance UID, linked to its order when known. */
public final class StoredObjectStore {

    private final Jdbc jdbc;

    public StoredObjectStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the object unless it is already recorded; true when this call recorded it. */
    public boolean record(StoredObjectEvent e, Long orderId) {
        if (jdbc.queryOne("SELECT id FROM stored_object WHERE sop_instance_uid = ?", rs -> rs.getLong(1),
                e.sopInstanceUid()).isPresent()) {
            return false;
        }
        jdbc.insert("INSERT INTO stored_object (sop_instance_uid, sop_class_uid, study_instance_uid,"
                        + " series_instance_uid, accession_number, patient_id, calling_ae_title, file_path, order_id,"
                        + " status, received_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                e.sopInstanceUid(), e.sopClassUid(), e.studyInstanceUid(), e.seriesInstanceUid(),
                Jdbc.fit(e.accessionNumber(), 16), Jdbc.fit(e.patientId(), 64),
                e.callingAeTitle(), e.filePath(), orderId, orderId == null ? "UNMATCHED" : "RECEIVED",
                e.receivedAt());
        return true;
    }

    /**
     * Files an object recorded without an order under the order its result was matched to (the
     * results step matches by patient and scan date too, which the recorder cannot).
     */
    public void linkToOrder(java.sql.Connection c, long id, long orderId) throws java.sql.SQLException {
        Jdbc.update(c, "UPDATE stored_object SET order_id = ?, status = 'RECEIVED' WHERE id = ? AND order_id IS NULL",
                orderId, id);
    }

    /** Where an object is in its study: what a report's evidence sequence references. */
    public record Reference(String studyInstanceUid, String seriesInstanceUid, String sopClassUid,
                            String sopInstanceUid) {
    }

    public java.util.Optional<Reference> reference(java.sql.Connection c, long id) throws java.sql.SQLException {
        return Jdbc.queryOne(c, "SELECT study_instance_uid, series_instance_uid, sop_class_uid, sop_instance_uid"
                + " FROM stored_object WHERE id = ?", rs -> new Reference(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4)), id);
    }

    /** One recorded object, as the API lists it (identifiers and where the file is, no demographics). */
    public record StoredObject(long id, String sopInstanceUid, String sopClassUid, String studyInstanceUid,
            String accessionNumber, String callingAeTitle, String filePath, Long orderId, String status,
            java.time.Instant receivedAt) {
    }

    /** Objects filtered by accession number and/or status (null = any), newest first. */
    public List<StoredObject> find(String accessionNumber, String status, int limit) {
        StringBuilder where = new StringBuilder();
        java.util.List<Object> params = new java.util.ArrayList<>();
        if (accessionNumber != null && !accessionNumber.isBlank()) {
            where.append(" WHERE accession_number = ?");
            params.add(accessionNumber.trim());
        }
        if (status != null && !status.isBlank()) {
            where.append(where.length() == 0 ? " WHERE" : " AND").append(" status = ?");
            params.add(status.trim().toUpperCase(java.util.Locale.ROOT));
        }
        return jdbc.query("SELECT * FROM stored_object" + where + " ORDER BY id DESC FETCH FIRST "
                + Math.max(1, Math.min(limit, 1000)) + " ROWS ONLY", rs -> new StoredObject(rs.getLong("id"),
                        rs.getString("sop_instance_uid"), rs.getString("sop_class_uid"),
                        rs.getString("study_instance_uid"), rs.getString("accession_number"),
                        rs.getString("calling_ae_title"), rs.getString("file_path"), Jdbc.nullableLong(rs, "order_id"),
                        rs.getString("status"), Jdbc.instant(rs, "received_at")), params.toArray());
    }

    public int count() {
        return jdbc.queryOne("SELECT count(*) FROM stored_object", rs -> rs.getInt(1)).orElse(0);
    }
}
