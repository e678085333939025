package org.dxaflow.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dxaflow.store.Jdbc;

/**
 * Ties a result to its order: by Study Instance UID (given on the worklist), then accession number,
 * then patient identifier + scan date (exactly one of the patient's live orders requested or
 * performed that day). A result whose patient identifier is not the matched order's patient is not
 * matched at all: a result filed against the wrong patient is worse than one waiting for a person.
 */
public final class ResultMatcher {

    public static final String BY_STUDY_UID = "STUDY_INSTANCE_UID";
    public static final String BY_ACCESSION = "ACCESSION_NUMBER";
    public static final String BY_PATIENT_AND_DATE = "PATIENT_ID_SCAN_DATE";
    /** An operator chose the order (POST /api/results/{id}/match). */
    public static final String BY_HAND = "MANUAL";

    /** The order found and how, or why none was. */
    public record Match(Long orderId, String method, String reason, List<String> warnings) {
        public Match {
            warnings = List.copyOf(warnings);
        }

        public boolean matched() {
            return orderId != null;
        }
    }

    private static final String LIVE = " AND o.status NOT IN ('CANCELLED', 'REJECTED')";

    private final Jdbc jdbc;

    public ResultMatcher(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Match match(ResultIdentifiers ids) {
        List<String> warnings = new ArrayList<>();
        Optional<Long> byUid = ids.studyInstanceUid() == null ? Optional.empty()
                : one("SELECT id FROM dxa_order WHERE study_instance_uid = ? ORDER BY id DESC", ids.studyInstanceUid());
        Optional<Long> byAccession = ids.accessionNumber() == null ? Optional.empty()
                : one("SELECT id FROM dxa_order WHERE accession_number = ? ORDER BY id DESC", ids.accessionNumber());
        if (byUid.isPresent()) {
            if (byAccession.isPresent() && !byAccession.equals(byUid)) {
                warnings.add("accession number " + ids.accessionNumber() + " belongs to order " + byAccession.get()
                        + ", the Study Instance UID to order " + byUid.get() + "; matched by Study Instance UID");
            }
            return checked(byUid.get(), BY_STUDY_UID, ids, warnings);
        }
        if (byAccession.isPresent()) {
            return checked(byAccession.get(), BY_ACCESSION, ids, warnings);
        }
        if (ids.patientId() == null || ids.scanDate() == null) {
            return new Match(null, null, "no order with this Study Instance UID or accession number, and no patient"
                    + " identifier and scan date to match on", warnings);
        }
        List<Long> candidates = jdbc.query("SELECT DISTINCT o.id FROM dxa_order o JOIN patient p ON p.id = o.patient_id"
                        + " WHERE (p.mrn = ? OR p.nhs_number = ?)" + LIVE
                        + " AND (o.requested_date = ? OR EXISTS (SELECT 1 FROM performed_procedure_step s"
                        + " WHERE s.order_id = o.id AND s.started_on = ?)) ORDER BY o.id",
                rs -> rs.getLong(1), ids.patientId(), ids.patientId(), ids.scanDate(), ids.scanDate());
        if (candidates.size() == 1) {
            return new Match(candidates.get(0), BY_PATIENT_AND_DATE, null, warnings);
        }
        return new Match(null, null, candidates.isEmpty()
                ? "no order for this patient requested or performed on " + ids.scanDate()
                : candidates.size() + " orders for this patient on " + ids.scanDate() + " (" + candidates
                        + "): cannot tell which", warnings);
    }

    /**
     * The order an operator chose, with the same patient check as an automatic match: a result
     * whose patient identifier is not that order's patient is not matched, whoever asks.
     */
    public Match byHand(long orderId, ResultIdentifiers ids) {
        return checked(orderId, BY_HAND, ids, new ArrayList<>());
    }

    private Match checked(long orderId, String method, ResultIdentifiers ids, List<String> warnings) {
        if (ids.patientId() == null) {
            warnings.add("the result carries no patient identifier to check against the order's patient");
            return new Match(orderId, method, null, warnings);
        }
        boolean samePatient = jdbc.queryOne("SELECT 1 FROM dxa_order o JOIN patient p ON p.id = o.patient_id"
                + " WHERE o.id = ? AND (p.mrn = ? OR p.nhs_number = ?)", rs -> true, orderId, ids.patientId(),
                ids.patientId()).isPresent();
        if (!samePatient) {
            return new Match(null, null, "matched order " + orderId + " by " + method + ", but the result's patient"
                    + " identifier is not that order's patient (MRN or NHS number): not filed", warnings);
        }
        return new Match(orderId, method, null, warnings);
    }

    private Optional<Long> one(String sql, String value) {
        return jdbc.queryOne(sql, rs -> rs.getLong(1), value.trim());
    }
}
