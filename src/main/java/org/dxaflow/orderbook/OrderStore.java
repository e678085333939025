package org.dxaflow.orderbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dxaflow.order.ClinicalAnswer;
import org.dxaflow.order.Clinician;
import org.dxaflow.order.CodedValue;
import org.dxaflow.order.Order;
import org.dxaflow.order.OrderRequest;
import org.dxaflow.order.OrderStatus;
import org.dxaflow.order.PersonName;
import org.dxaflow.order.SentDate;
import org.dxaflow.store.Jdbc;

/** The order book. */
public final class OrderStore {

    /** What the API may filter orders on; null fields do not filter. */
    public record Filter(String placerOrderNumber, String accessionNumber, String patientId, String status) {
    }

    private static final String SELECT = "SELECT o.*, " + PatientStore.COLUMNS
            + " FROM dxa_order o JOIN patient p ON p.id = o.patient_id";

    private final Jdbc jdbc;
    private final ObjectMapper json;
    private final String accessionPrefix;
    /** Built once: a reader per row would rebuild Jackson's deserializers for every order read. */
    private final ObjectReader answersReader;

    public OrderStore(Jdbc jdbc, ObjectMapper json, String accessionPrefix) {
        this.jdbc = jdbc;
        this.json = json;
        this.answersReader = json.readerFor(new TypeReference<List<ClinicalAnswer>>() { });
        this.accessionPrefix = accessionPrefix;
    }

    public Optional<Order> byPlacerNumber(Connection c, String placerOrderNumber) throws SQLException {
        return Jdbc.queryOne(c, SELECT + " WHERE o.placer_order_number = ?", this::map, placerOrderNumber);
    }

    /** Creates the order; when the RIS sent no accession number the engine assigns one. */
    public Order create(Connection c, long patientId, OrderRequest r, String hl7Version, Instant now)
            throws SQLException {
        String accession = r.accessionNumber().isEmpty() ? null : r.accessionNumber();
        long id = Jdbc.insert(c, "INSERT INTO dxa_order (placer_order_number, placer_application, filler_order_number,"
                        + " accession_number, patient_id, status, procedure_code, procedure_text, procedure_scheme,"
                        + " referrer_id, referrer_family_name, referrer_given_name, requested_date, requested_time,"
                        + " requested_date_unreadable, referral_date, referral_date_unreadable,"
                        + " priority, clinical_info, answers_json, hl7_version, received_at, updated_at)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                r.placerOrderNumber(), r.placerApplication(), r.fillerOrderNumber(),
                accession == null ? "" : accession, patientId, OrderStatus.RECEIVED, r.procedure().code(),
                r.procedure().text(), r.procedure().scheme(), r.referrer().id(), r.referrer().name().family(),
                r.referrer().name().given(), r.requestedDate().date(), r.requestedDate().time(),
                unreadable(r.requestedDate()), r.referralDate().date(), unreadable(r.referralDate()), r.priority(),
                Jdbc.fit(r.clinicalInfo(), 2000),
                answersJson(r.answers()), hl7Version, now, now);
        if (accession == null) {
            Jdbc.update(c, "UPDATE dxa_order SET accession_number = ? WHERE id = ?", accessionPrefix + id, id);
        }
        return get(c, id).orElseThrow();
    }

    /**
     * Applies an XO change: fields the message carries replace ours; empty ones keep ours. A requested
     * date that was sent replaces ours whole (day, time, or the unreadable text), even when unreadable:
     * the RIS meant to change it, so an order not yet through the gate is held for a practitioner
     * rather than scheduled by the old date.
     */
    public void change(Connection c, long id, OrderRequest r, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE dxa_order SET"
                        + " filler_order_number = COALESCE(NULLIF(?, ''), filler_order_number),"
                        + " accession_number = COALESCE(NULLIF(?, ''), accession_number),"
                        + " procedure_code = COALESCE(NULLIF(?, ''), procedure_code),"
                        + " procedure_text = COALESCE(NULLIF(?, ''), procedure_text),"
                        + " procedure_scheme = COALESCE(NULLIF(?, ''), procedure_scheme),"
                        + " referrer_id = COALESCE(NULLIF(?, ''), referrer_id),"
                        + " referrer_family_name = COALESCE(NULLIF(?, ''), referrer_family_name),"
                        + " referrer_given_name = COALESCE(NULLIF(?, ''), referrer_given_name),"
                        + " requested_date = CASE WHEN ? THEN ? ELSE requested_date END,"
                        + " requested_time = CASE WHEN ? THEN ? ELSE requested_time END,"
                        + " requested_date_unreadable = CASE WHEN ? THEN ? ELSE requested_date_unreadable END,"
                        + " priority = COALESCE(NULLIF(?, ''), priority),"
                        + " clinical_info = COALESCE(NULLIF(?, ''), clinical_info),"
                        + " answers_json = CASE WHEN ? THEN ? ELSE answers_json END,"
                        + " updated_at = ? WHERE id = ?",
                r.fillerOrderNumber(), r.accessionNumber(), r.procedure().code(), r.procedure().text(),
                r.procedure().scheme(), r.referrer().id(), r.referrer().name().family(), r.referrer().name().given(),
                sent(r.requestedDate()), r.requestedDate().date(), sent(r.requestedDate()), r.requestedDate().time(),
                sent(r.requestedDate()), unreadable(r.requestedDate()),
                r.priority(), Jdbc.fit(r.clinicalInfo(), 2000), !r.answers().isEmpty(),
                answersJson(r.answers()), now, id);
    }

    public void link(Connection c, long orderId, long messageId, String action, Instant now) throws SQLException {
        Jdbc.update(c, "INSERT INTO order_message (order_id, message_id, action, at) VALUES (?,?,?,?)",
                orderId, messageId, action, now);
    }

    /** The message history action of an order change that changed the referral (to be justified again). */
    public static final String REFERRAL_CHANGED = "REFERRAL_CHANGED";

    /**
     * The orders a queued message created or whose referral it changed, for when the queue
     * redelivers a message that was already applied: what followed (justification) must still happen.
     */
    public List<Long> toJustifyAfter(Connection c, String intakeId) throws SQLException {
        return Jdbc.query(c, "SELECT DISTINCT om.order_id FROM order_message om JOIN inbound_message m"
                + " ON m.id = om.message_id WHERE m.intake_id = ? AND om.action IN ('CREATED', '" + REFERRAL_CHANGED
                + "') ORDER BY om.order_id", rs -> rs.getLong(1), intakeId);
    }

    /** The order the RIS knows by this filler order number, or by the accession number dxaflow holds. */
    public Optional<Order> byFillerOrAccession(Connection c, String number) throws SQLException {
        return Jdbc.queryOne(c, SELECT + " WHERE o.filler_order_number = ? OR o.accession_number = ? ORDER BY o.id",
                this::map, number, number);
    }

    /** Orders of a patient that are still in the pathway, for demographic updates. */
    public List<Long> openOrderIds(Connection c, long patientId) throws SQLException {
        return Jdbc.query(c, "SELECT id FROM dxa_order WHERE patient_id = ? AND status NOT IN"
                + " ('CANCELLED', 'REPORTED', 'REJECTED') ORDER BY id", rs -> rs.getLong(1), patientId);
    }

    /** The order a DICOM object or procedure step belongs to: by accession number, else Study Instance UID. */
    public Optional<Long> idFor(String accessionNumber, String studyInstanceUid) {
        if (accessionNumber != null && !accessionNumber.isBlank()) {
            Optional<Long> byAccession = jdbc.queryOne("SELECT id FROM dxa_order WHERE accession_number = ?"
                    + " ORDER BY id DESC", rs -> rs.getLong(1), accessionNumber.trim());
            if (byAccession.isPresent()) {
                return byAccession;
            }
        }
        if (studyInstanceUid != null && !studyInstanceUid.isBlank()) {
            return jdbc.queryOne("SELECT id FROM dxa_order WHERE study_instance_uid = ? ORDER BY id DESC",
                    rs -> rs.getLong(1), studyInstanceUid.trim());
        }
        return Optional.empty();
    }

    /** The Study Instance UID the worklist gave the order's scan; empty before it was offered. */
    public Optional<String> studyInstanceUid(Connection c, long orderId) throws SQLException {
        // an order never offered on the worklist has none: the row is there, the value is not
        return Jdbc.query(c, "SELECT study_instance_uid FROM dxa_order WHERE id = ?", rs -> Optional.ofNullable(
                rs.getString(1)), orderId).stream().flatMap(Optional::stream).filter(uid -> !uid.isBlank()).findFirst();
    }

    public Optional<Order> get(long id) {
        return jdbc.inTransaction(c -> get(c, id));
    }

    public Optional<Order> get(Connection c, long id) throws SQLException {
        return Jdbc.queryOne(c, SELECT + " WHERE o.id = ?", this::map, id);
    }

    public List<Order> find(Filter f, int limit) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        add(where, params, "o.placer_order_number = ?", f.placerOrderNumber());
        add(where, params, "o.accession_number = ?", f.accessionNumber());
        if (f.patientId() != null && !f.patientId().isBlank()) {
            where.append(where.length() == 0 ? " WHERE " : " AND ").append("(p.mrn = ? OR p.nhs_number = ?)");
            params.add(f.patientId());
            params.add(f.patientId());
        }
        add(where, params, "o.status = ?", f.status() == null ? null : f.status().toUpperCase());
        return jdbc.query(SELECT + where + " ORDER BY o.id DESC FETCH FIRST " + Math.max(1, Math.min(limit, 5000))
                + " ROWS ONLY", this::map, params.toArray());
    }

    /** Orders in one status, longest waiting first (the practitioner's review queue). */
    public List<Order> oldestFirst(OrderStatus status, int limit) {
        return jdbc.query(SELECT + " WHERE o.status = ? ORDER BY o.received_at, o.id FETCH FIRST "
                + Math.max(1, Math.min(limit, 5000)) + " ROWS ONLY", this::map, status);
    }

    private static void add(StringBuilder where, List<Object> params, String clause, String value) {
        if (value != null && !value.isBlank()) {
            where.append(where.length() == 0 ? " WHERE " : " AND ").append(clause);
            params.add(value);
        }
    }

    private Order map(ResultSet rs) throws SQLException {
        return new Order(rs.getLong("id"), rs.getString("placer_order_number"), rs.getString("placer_application"),
                rs.getString("filler_order_number"), rs.getString("accession_number"),
                OrderStatus.valueOf(rs.getString("status")),
                new CodedValue(rs.getString("procedure_code"), rs.getString("procedure_text"),
                        rs.getString("procedure_scheme")),
                new Clinician(rs.getString("referrer_id"), new PersonName(rs.getString("referrer_family_name"),
                        rs.getString("referrer_given_name"), "", "")),
                sentDate(rs, "requested_date", "requested_time", "requested_date_unreadable"),
                sentDate(rs, "referral_date", null, "referral_date_unreadable"), rs.getString("priority"),
                rs.getString("clinical_info"),
                answers(rs.getString("answers_json")), rs.getString("hl7_version"), Jdbc.instant(rs, "received_at"),
                Jdbc.instant(rs, "updated_at"), PatientStore.map(rs));
    }

    private static boolean sent(SentDate d) {
        return !d.equals(SentDate.NONE);
    }

    /** The text of an unreadable date, kept for the person who decides (HL7 TS is at most 26 characters). */
    private static String unreadable(SentDate d) {
        return d.isUnreadable() ? Jdbc.fit(d.unreadable(), 26) : null;
    }

    private static SentDate sentDate(ResultSet rs, String dateColumn, String timeColumn, String unreadableColumn)
            throws SQLException {
        LocalDate day = Jdbc.date(rs, dateColumn);
        if (day != null) {
            return SentDate.of(day, timeColumn == null ? null : rs.getObject(timeColumn, LocalTime.class));
        }
        return SentDate.unreadable(rs.getString(unreadableColumn));
    }

    private String answersJson(List<ClinicalAnswer> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The referral answers as stored with an order (the answers_json column). */
    public List<ClinicalAnswer> answers(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return answersReader.readValue(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored answers are not valid JSON", e);
        }
    }

}
