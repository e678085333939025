package org.dxaflow.store;

import java.util.List;
import java.util.Map;
import org.dxaflow.results.StoredObjectEvent;

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
                InboundMessageStore.trim(e.accessionNumber(), 16), InboundMessageStore.trim(e.patientId(), 64),
                e.callingAeTitle(), e.filePath(), orderId, orderId == null ? "UNMATCHED" : "RECEIVED",
                e.receivedAt());
        return true;
    }

    public List<Map<String, Object>> forOrder(long orderId) {
        return jdbc.query("SELECT sop_instance_uid, sop_class_uid, status, received_at FROM stored_object"
                + " WHERE order_id = ? ORDER BY id", rs -> Map.of(
                        "sopInstanceUid", rs.getString(1), "sopClassUid", rs.getString(2),
                        "status", rs.getString(3), "receivedAt", Jdbc.instant(rs, "received_at")), orderId);
    }

    public int count() {
        return jdbc.queryOne("SELECT count(*) FROM stored_object", rs -> rs.getInt(1)).orElse(0);
    }
}
