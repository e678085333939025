package org.dxaflow.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dxaflow.densitometry.DeviceIdentity;
import org.dxaflow.densitometry.Manufacturer;
import org.dxaflow.densitometry.Measurement;
import org.dxaflow.densitometry.VfaFinding;
import org.dxaflow.store.Jdbc;

/**
 * Every result received, once per source object ({@code dxa_result}), with its mapping, match,
 * inputs and computed densitometry. JSON columns keep the exact decimals the scanner sent and the
 * engine computed, so a stored result can be recomputed and checked by hand later.
 */
public final class ResultStore {

    /** One stored result. JSON fields are kept as text; the API passes them through unchanged. */
    public record StoredResult(
            Long id,
            SourceType sourceType,
            String sourceRef,
            Long storedObjectId,
            Long inboundMessageId,
            ResultStatus status,
            String error,
            String mapping,
            Long orderId,
            String matchMethod,
            ResultIdentifiers identifiers,
            ScanDetails details,
            List<Measurement> measurements,
            List<VfaFinding> vfa,
            boolean needsReporterReview,
            String inputsJson,
            String resultJson,
            List<String> warnings,
            Long priorResultId,
            Instant receivedAt,
            Instant processedAt) {
        public StoredResult {
            measurements = measurements == null ? List.of() : List.copyOf(measurements);
            vfa = vfa == null ? List.of() : List.copyOf(vfa);
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        /** The same result held for the reporter, with the reason added to its warnings. */
        public StoredResult heldForReview(String warning) {
            List<String> more = new java.util.ArrayList<>(warnings);
            more.add(warning);
            return new StoredResult(id, sourceType, sourceRef, storedObjectId, inboundMessageId, status, error, mapping,
                    orderId, matchMethod, identifiers, details, measurements, vfa, true, inputsJson, resultJson, more,
                    priorResultId, receivedAt, processedAt);
        }
    }

    /** A previous computed result of the patient, as serial comparison needs it. */
    public record Prior(long id, LocalDate scanDate, Manufacturer scale, DeviceIdentity device,
                        List<Measurement> measurements) {
        public Prior {
            measurements = List.copyOf(measurements);
        }
    }

    private static final TypeReference<List<Measurement>> MEASUREMENTS = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<VfaFinding>> VFA = new TypeReference<>() { };

    private final Jdbc jdbc;
    private final ObjectMapper json;

    /** @param json a mapper that writes BigDecimal plainly (DensitometryJson.mapper()) */
    public ResultStore(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<StoredResult> bySource(SourceType type, String ref) {
        return jdbc.queryOne("SELECT * FROM dxa_result WHERE source_type = ? AND source_ref = ?", this::map, type, ref);
    }

    /** The columns a result's outcome fills, in the order {@link #values} gives them. */
    private static final String OUTCOME_COLUMNS = "status, error_text, mapping_name, order_id, match_method,"
            + " study_instance_uid, accession_number, patient_identifier, scan_date, manufacturer, calibration_scale,"
            + " model, software_version, reference_database, height_cm, weight_kg, device_serial_number, station_name,"
            + " measurements_json, vfa_json, needs_reporter_review, inputs_json, result_json, warnings_json,"
            + " prior_result_id, processed_at";

    public long insert(Connection c, StoredResult r) throws SQLException {
        List<Object> params = new java.util.ArrayList<>(List.of(r.sourceType(), r.sourceRef()));
        params.add(r.storedObjectId());
        params.add(r.inboundMessageId());
        params.add(r.receivedAt());
        params.addAll(values(r));
        return Jdbc.insert(c, "INSERT INTO dxa_result (source_type, source_ref, stored_object_id, inbound_message_id,"
                + " received_at, " + OUTCOME_COLUMNS + ") VALUES (" + "?,".repeat(params.size() - 1) + "?)",
                params.toArray());
    }

    /**
     * Files a stored result again with a new outcome (matched later, by hand, or read again). Only
     * if it is still as {@code previous} was read: two people filing it at once cannot both win.
     *
     * @return false when the result changed meanwhile
     */
    public boolean replace(Connection c, StoredResult previous, StoredResult next) throws SQLException {
        List<Object> params = values(next);
        params.add(previous.id());
        params.add(previous.processedAt());
        return Jdbc.update(c, "UPDATE dxa_result SET " + OUTCOME_COLUMNS.replace(",", " = ?,") + " = ?"
                + " WHERE id = ? AND processed_at = ?", params.toArray()) == 1;
    }

    private List<Object> values(StoredResult r) {
        ResultIdentifiers ids = r.identifiers() == null ? ResultIdentifiers.NONE : r.identifiers();
        ScanDetails d = r.details();
        return new java.util.ArrayList<>(java.util.Arrays.asList(r.status(),
                Jdbc.fit(r.error(), 4000), r.mapping(), r.orderId(), r.matchMethod(), Jdbc.fit(ids.studyInstanceUid(), 64),
                Jdbc.fit(ids.accessionNumber(), 16), Jdbc.fit(ids.patientId(), 64),
                d != null && d.scanDate() != null ? d.scanDate() : ids.scanDate(),
                d == null ? null : Jdbc.fit(d.manufacturer(), 64), d == null ? null : d.scale(),
                d == null ? null : Jdbc.fit(d.model(), 64), d == null ? null : Jdbc.fit(d.softwareVersion(), 64),
                d == null ? null : Jdbc.fit(d.referenceDatabase(), 200), d == null ? null : d.heightCm(),
                d == null ? null : d.weightKg(), d == null ? null : Jdbc.fit(d.deviceSerialNumber(), 64),
                d == null ? null : Jdbc.fit(d.stationName(), 16), write(r.measurements()), write(r.vfa()),
                r.needsReporterReview(), r.inputsJson(), r.resultJson(),
                write(r.warnings()), r.priorResultId(), r.processedAt()));
    }

    public Optional<StoredResult> get(long id) {
        return jdbc.queryOne("SELECT * FROM dxa_result WHERE id = ?", this::map, id);
    }

    public Optional<StoredResult> get(Connection c, long id) throws SQLException {
        return Jdbc.queryOne(c, "SELECT * FROM dxa_result WHERE id = ?", this::map, id);
    }

    /**
     * UNMATCHED results that name this order: its accession number or Study Instance UID, or its
     * patient's MRN or NHS number (then the matcher decides by scan date), oldest first.
     */
    public List<Long> unmatchedNaming(long orderId) {
        return jdbc.query("SELECT DISTINCT r.id FROM dxa_order o JOIN patient p ON p.id = o.patient_id"
                + " JOIN dxa_result r ON r.status = 'UNMATCHED' AND (r.accession_number = o.accession_number"
                + " OR r.study_instance_uid = o.study_instance_uid OR r.patient_identifier = p.mrn"
                + " OR r.patient_identifier = p.nhs_number) WHERE o.id = ? ORDER BY r.id", rs -> rs.getLong(1), orderId);
    }

    /** The newest result for an order (a resent or repeated scan makes a newer one). */
    public Optional<StoredResult> latestForOrder(long orderId) {
        return jdbc.queryOne("SELECT * FROM dxa_result WHERE order_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
                this::map, orderId);
    }

    public List<Long> idsForOrder(long orderId) {
        return jdbc.query("SELECT id FROM dxa_result WHERE order_id = ? ORDER BY id DESC", rs -> rs.getLong(1), orderId);
    }

    /** Results in a status (null = any) and review state (null = any), newest first. */
    public List<StoredResult> find(ResultStatus status, Boolean needsReview, int limit) {
        List<String> conditions = new java.util.ArrayList<>();
        List<Object> params = new java.util.ArrayList<>();
        if (status != null) {
            conditions.add("status = ?");
            params.add(status);
        }
        if (needsReview != null) {
            conditions.add("needs_reporter_review = ?");
            params.add(needsReview);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return jdbc.query("SELECT * FROM dxa_result" + where + " ORDER BY id DESC FETCH FIRST "
                + Math.max(1, Math.min(limit, 1000)) + " ROWS ONLY", this::map, params.toArray());
    }

    /**
     * The patient's most recent computed result scanned before {@code scanDate}. Through the orders,
     * so a result follows its order when two patient records are merged.
     */
    public Optional<Prior> priorFor(long patientId, LocalDate scanDate) {
        return jdbc.queryOne("SELECT r.* FROM dxa_result r JOIN dxa_order o ON o.id = r.order_id"
                        + " WHERE o.patient_id = ? AND r.status = 'COMPUTED' AND r.scan_date < ?"
                        + " ORDER BY r.scan_date DESC, r.id DESC FETCH FIRST 1 ROWS ONLY",
                rs -> {
                    String scale = rs.getString("calibration_scale");
                    return new Prior(rs.getLong("id"), Jdbc.date(rs, "scan_date"),
                            scale == null ? Manufacturer.OTHER : Manufacturer.valueOf(scale),
                            new DeviceIdentity(rs.getString("manufacturer"), rs.getString("model"),
                                    rs.getString("device_serial_number"), rs.getString("station_name")),
                            read(rs.getString("measurements_json"), MEASUREMENTS));
                }, patientId, scanDate);
    }

    private StoredResult map(ResultSet rs) throws SQLException {
        String scale = rs.getString("calibration_scale");
        LocalDate scanDate = Jdbc.date(rs, "scan_date");
        ScanDetails details = new ScanDetails(scanDate, rs.getString("manufacturer"),
                scale == null ? null : Manufacturer.valueOf(scale), rs.getString("model"),
                rs.getString("software_version"), rs.getString("reference_database"), plain(rs, "height_cm"),
                plain(rs, "weight_kg"), rs.getString("device_serial_number"), rs.getString("station_name"));
        String status = rs.getString("status");
        return new StoredResult(rs.getLong("id"), SourceType.valueOf(rs.getString("source_type")),
                rs.getString("source_ref"), Jdbc.nullableLong(rs, "stored_object_id"),
                Jdbc.nullableLong(rs, "inbound_message_id"), ResultStatus.valueOf(status.toUpperCase(Locale.ROOT)),
                rs.getString("error_text"), rs.getString("mapping_name"), Jdbc.nullableLong(rs, "order_id"),
                rs.getString("match_method"),
                new ResultIdentifiers(rs.getString("study_instance_uid"), rs.getString("accession_number"),
                        rs.getString("patient_identifier"), scanDate),
                details, read(rs.getString("measurements_json"), MEASUREMENTS), read(rs.getString("vfa_json"), VFA),
                rs.getBoolean("needs_reporter_review"), rs.getString("inputs_json"),
                rs.getString("result_json"), read(rs.getString("warnings_json"), STRINGS),
                Jdbc.nullableLong(rs, "prior_result_id"), Jdbc.instant(rs, "received_at"),
                Jdbc.instant(rs, "processed_at"));
    }

    /** NUMERIC columns come back padded to their scale (162.000); the value, not the padding, is stored. */
    private static BigDecimal plain(ResultSet rs, String column) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        return v == null ? null : v.stripTrailingZeros();
    }

    /** The warnings as the warnings_json column holds them. */
    public String warningsJson(StoredResult r) {
        return write(r.warnings());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored result JSON is not readable", e);
        }
    }

}
