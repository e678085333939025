package org.dxaflow.report;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dxaflow.store.Jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reports and their versions. A version is written once, whole (the document every channel renders
 * and the PDF sent) and never changed: what went out can always be read back as it went.
 */
public final class ReportStore {

    /** A report as listed: its state, latest version, and why a reporter must look again, if so. */
    public record ReportRow(long id, long resultId, long orderId, ReportState status, int currentVersion,
                            String attention, Instant createdAt, Instant updatedAt) {
    }

    /** One version, without its document. */
    public record VersionRow(long reportId, int version, ReportStatus status, String srInstanceUid,
                             String pdfInstanceUid, String reporterId, Instant createdAt) {
    }

    private static final String REPORT_COLUMNS = "id, result_id, order_id, status, current_version, attention,"
            + " created_at, updated_at";

    private final Jdbc jdbc;
    private final ObjectMapper json;

    /**
     * @param json the results' mapper (exact decimals, java.time). Documents are written as their
     *             records' components only: a helper such as {@code isUnreadable()} must not become a
     *             property that then cannot be read back.
     */
    public ReportStore(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json.copy()
                .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    }

    public long create(Connection c, long resultId, long orderId, ReportState status, Instant now) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO report (result_id, order_id, status, current_version, created_at, updated_at)"
                + " VALUES (?, ?, ?, 0, ?, ?)", resultId, orderId, status.name(), now, now);
    }

    public Optional<ReportRow> get(long id) {
        return jdbc.queryOne("SELECT " + REPORT_COLUMNS + " FROM report WHERE id = ?", ReportStore::row, id);
    }

    /** The report locked for this transaction: two reporters verifying at once make one version. */
    public Optional<ReportRow> lock(Connection c, long id) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + REPORT_COLUMNS + " FROM report WHERE id = ? FOR UPDATE", ReportStore::row, id);
    }

    public Optional<ReportRow> byResult(Connection c, long resultId) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + REPORT_COLUMNS + " FROM report WHERE result_id = ?", ReportStore::row,
                resultId);
    }

    public List<ReportRow> withStatus(ReportState status, int limit) {
        return jdbc.query("SELECT " + REPORT_COLUMNS + " FROM report WHERE status = ? ORDER BY id FETCH FIRST "
                + Math.max(1, limit) + " ROWS ONLY", ReportStore::row, status.name());
    }

    public List<ReportRow> recent(int limit) {
        return jdbc.query("SELECT " + REPORT_COLUMNS + " FROM report ORDER BY id DESC FETCH FIRST "
                + Math.max(1, limit) + " ROWS ONLY", ReportStore::row);
    }

    public List<ReportRow> forOrder(long orderId) {
        return jdbc.query("SELECT " + REPORT_COLUMNS + " FROM report WHERE order_id = ? ORDER BY id",
                ReportStore::row, orderId);
    }

    public void setState(Connection c, long id, ReportState status, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE report SET status = ?, updated_at = ? WHERE id = ?", status.name(), now, id);
    }

    public void setAttention(Connection c, long id, String attention, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE report SET attention = ?, updated_at = ? WHERE id = ?",
                Jdbc.fit(attention, 1000), now, id);
    }

    /** Writes the next version and makes it the report's current one. */
    public void addVersion(Connection c, ReportDocument doc, byte[] pdf) throws SQLException {
        Jdbc.update(c, "INSERT INTO report_version (report_id, version, status, document_json, pdf_base64,"
                        + " sr_instance_uid, pdf_instance_uid, reporter_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                doc.reportId(), doc.version(), doc.status().name(), write(doc), Base64.getEncoder().encodeToString(pdf),
                doc.uids().srInstanceUid(), doc.uids().pdfInstanceUid(),
                doc.verification() == null ? null : doc.verification().reporter().id(), doc.createdAt());
        Jdbc.update(c, "UPDATE report SET status = ?, current_version = ?, attention = NULL, updated_at = ?"
                + " WHERE id = ?", ReportState.of(doc.status()).name(), doc.version(), doc.createdAt(), doc.reportId());
    }

    public List<VersionRow> versions(long reportId) {
        return jdbc.query("SELECT report_id, version, status, sr_instance_uid, pdf_instance_uid, reporter_id,"
                + " created_at FROM report_version WHERE report_id = ? ORDER BY version", rs -> new VersionRow(
                rs.getLong("report_id"), rs.getInt("version"), ReportStatus.valueOf(rs.getString("status")),
                rs.getString("sr_instance_uid"), rs.getString("pdf_instance_uid"), rs.getString("reporter_id"),
                Jdbc.instant(rs, "created_at")), reportId);
    }

    public Optional<ReportDocument> document(long reportId, int version) {
        return jdbc.queryOne("SELECT document_json FROM report_version WHERE report_id = ? AND version = ?",
                rs -> read(rs.getString(1)), reportId, version);
    }

    public Optional<ReportDocument> document(Connection c, long reportId, int version) throws SQLException {
        return Jdbc.queryOne(c, "SELECT document_json FROM report_version WHERE report_id = ? AND version = ?",
                rs -> read(rs.getString(1)), reportId, version);
    }

    public Optional<byte[]> pdf(long reportId, int version) {
        return jdbc.queryOne("SELECT pdf_base64 FROM report_version WHERE report_id = ? AND version = ?",
                rs -> Base64.getDecoder().decode(rs.getString(1)), reportId, version);
    }

    String write(ReportDocument doc) {
        try {
            return json.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write report " + doc.reportId() + " version " + doc.version(), e);
        }
    }

    ReportDocument read(String text) {
        try {
            return json.readValue(text, ReportDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored report version cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private static ReportRow row(ResultSet rs) throws SQLException {
        return new ReportRow(rs.getLong("id"), rs.getLong("result_id"), rs.getLong("order_id"),
                ReportState.valueOf(rs.getString("status")), rs.getInt("current_version"), rs.getString("attention"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }
}
