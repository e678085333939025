package org.dxaflow.worklist;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.dxaflow.dicom.data.DateTimes;
import org.dxaflow.store.Jdbc;
import org.dxaflow.store.StoreException;

/** Modality Performed Procedure Steps as the scanner reported them. */
public final class ProcedureStepStore {

    private final Jdbc jdbc;

    public ProcedureStepStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ProcedureStepEvent> find(String sopInstanceUid) {
        return jdbc.queryOne("SELECT * FROM performed_procedure_step WHERE sop_instance_uid = ?",
                rs -> new ProcedureStepEvent(rs.getString("sop_instance_uid"), rs.getString("status"),
                        Jdbc.nullableLong(rs, "order_id"), rs.getString("accession_number"),
                        rs.getString("study_instance_uid"), rs.getString("performed_station"),
                        rs.getString("started_at"), rs.getString("ended_at")),
                sopInstanceUid);
    }

    /** False when an instance with this UID already exists (the primary key decides, not a race). */
    public boolean create(ProcedureStepEvent e, Instant now) {
        try {
            jdbc.update("INSERT INTO performed_procedure_step (sop_instance_uid, status, order_id, accession_number,"
                            + " study_instance_uid, performed_station, started_at, started_on, ended_at, created_at,"
                            + " updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    e.sopInstanceUid(), e.status(), e.orderId(), e.accessionNumber(), e.studyInstanceUid(),
                    e.performedStation(), e.startedAt(), startDay(e.startedAt()), e.endedAt(), now, now);
            return true;
        } catch (StoreException duplicate) {
            if (find(e.sopInstanceUid()).isPresent()) {
                return false;
            }
            throw duplicate;
        }
    }

    /**
     * The day the scan started: the date part of the DA+TM text the scanner sent, when it is a real
     * date; otherwise none (never a guessed day).
     */
    static LocalDate startDay(String startedAt) {
        if (startedAt == null || startedAt.trim().length() < 8) {
            return null;
        }
        try {
            return DateTimes.parseDA(startedAt.trim().substring(0, 8));
        } catch (DateTimeException notADate) {
            return null;
        }
    }

    /** Moves a step on, unless it reached a final state meanwhile; false then. */
    public boolean update(ProcedureStepEvent e, Instant now) {
        return jdbc.update("UPDATE performed_procedure_step SET status = ?, ended_at = ?, updated_at = ?"
                        + " WHERE sop_instance_uid = ? AND status = 'IN PROGRESS'",
                e.status(), e.endedAt(), now, e.sopInstanceUid()) == 1;
    }
}
