package org.dxaflow.results;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.dxaflow.results.ResultStore.StoredResult;
import org.dxaflow.store.Jdbc;

/**
 * What a result said before it was filed again ({@code dxa_result_history}): the row in
 * {@code dxa_result} always holds the current outcome, and each earlier one is kept here with who
 * filed it again and why. Insert-only.
 */
public final class ResultHistory {

    /** Why a result was filed again. */
    public enum Action {
        /** Its order arrived after it: matched automatically. */
        REMATCHED,
        /** An operator chose its order. */
        MATCHED_BY_HAND,
        /** Read again from its source through the current mappings. */
        REPROCESSED
    }

    /** One earlier outcome. JSON columns are kept as text, as in {@code dxa_result}. */
    public record Entry(long id, long resultId, Action action, String operator, String reason, Instant at,
            ResultStatus previousStatus, String previousError, String previousMapping, Long previousOrderId,
            String previousMatchMethod, boolean previousNeedsReview, String previousInputsJson,
            String previousResultJson, String previousWarningsJson, Instant previousProcessedAt,
            ResultStatus newStatus, Long newOrderId) {
    }

    private final Jdbc jdbc;
    private final ResultStore results;

    public ResultHistory(Jdbc jdbc, ResultStore results) {
        this.jdbc = jdbc;
        this.results = results;
    }

    public void record(Connection c, StoredResult previous, StoredResult next, Action action, String operator,
            String reason, Instant at) throws SQLException {
        Jdbc.insert(c, "INSERT INTO dxa_result_history (result_id, action, operator, reason, at, previous_status,"
                        + " previous_error, previous_mapping, previous_order_id, previous_match_method,"
                        + " previous_needs_review, previous_inputs_json, previous_result_json, previous_warnings_json,"
                        + " previous_processed_at, new_status, new_order_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                previous.id(), action, Jdbc.fit(operator, 200), Jdbc.fit(reason, 2000), at, previous.status(),
                Jdbc.fit(previous.error(), 4000), previous.mapping(), previous.orderId(), previous.matchMethod(),
                previous.needsReporterReview(), previous.inputsJson(), previous.resultJson(),
                results.warningsJson(previous), previous.processedAt(), next.status(), next.orderId());
    }

    /** Every earlier outcome of the result, oldest first. */
    public List<Entry> of(long resultId) {
        return jdbc.query("SELECT * FROM dxa_result_history WHERE result_id = ? ORDER BY id", ResultHistory::map,
                resultId);
    }

    private static Entry map(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getLong("result_id"), Action.valueOf(rs.getString("action")),
                rs.getString("operator"), rs.getString("reason"), Jdbc.instant(rs, "at"),
                ResultStatus.valueOf(rs.getString("previous_status")), rs.getString("previous_error"),
                rs.getString("previous_mapping"), Jdbc.nullableLong(rs, "previous_order_id"),
                rs.getString("previous_match_method"), rs.getBoolean("previous_needs_review"),
                rs.getString("previous_inputs_json"), rs.getString("previous_result_json"),
                rs.getString("previous_warnings_json"), Jdbc.instant(rs, "previous_processed_at"),
                ResultStatus.valueOf(rs.getString("new_status")), Jdbc.nullableLong(rs, "new_order_id"));
    }

}
