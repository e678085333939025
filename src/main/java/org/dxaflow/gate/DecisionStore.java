package org.dxaflow.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dxaflow.justification.DecidedBy;
import org.dxaflow.justification.JustificationDecision;
import org.dxaflow.store.Jdbc;

/**
 * The IRMER audit record: every justification decision, whole, as JSON. Insert-only by design
 * (this class has no update or delete): a later decision on the same order is a new row.
 */
public final class DecisionStore {

    private final Jdbc jdbc;
    private final ObjectMapper json;

    public DecisionStore(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Stores the next decision on the order. The unique (order, seq) key makes a concurrent second
     * decision fail here rather than be stored beside the first.
     */
    public StoredDecision insert(Connection c, long orderId, JustificationDecision d) throws SQLException {
        int seq = Jdbc.queryOne(c, "SELECT COALESCE(MAX(decision_seq), 0) FROM justification_decision"
                + " WHERE order_id = ?", rs -> rs.getInt(1), orderId).orElse(0) + 1;
        DecidedBy by = d.decidedBy();
        long id = Jdbc.insert(c, "INSERT INTO justification_decision (order_id, decision_seq, outcome, rule_set_version,"
                        + " decided_by_mode, decided_by_id, decided_by_name, decided_by_role, decided_at, decision_json)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?)",
                orderId, seq, d.outcome(), d.ruleSetVersion(), by.mode(), by.practitioner().id(),
                by.practitioner().name(), by.practitioner().role(), d.decidedAt(), write(d));
        return new StoredDecision(id, orderId, seq, d);
    }

    public Optional<StoredDecision> latest(Connection c, long orderId) throws SQLException {
        return Jdbc.queryOne(c, "SELECT * FROM justification_decision WHERE order_id = ?"
                + " ORDER BY decision_seq DESC FETCH FIRST 1 ROWS ONLY", this::map, orderId);
    }

    /**
     * The decision that was in force at {@code at}: the last one made at or before it. Decisions
     * made later (a retrospective justification) are not in force at an earlier exposure.
     */
    public Optional<StoredDecision> inForceAt(Connection c, long orderId, java.time.Instant at) throws SQLException {
        return Jdbc.queryOne(c, "SELECT * FROM justification_decision WHERE order_id = ? AND decided_at <= ?"
                + " ORDER BY decision_seq DESC FETCH FIRST 1 ROWS ONLY", this::map, orderId, at);
    }

    public Optional<StoredDecision> latest(long orderId) {
        return jdbc.queryOne("SELECT * FROM justification_decision WHERE order_id = ?"
                + " ORDER BY decision_seq DESC FETCH FIRST 1 ROWS ONLY", this::map, orderId);
    }

    /** The latest decision of each order that has one, for order lists. */
    public Map<Long, StoredDecision> latest(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        String marks = orderIds.stream().map(id -> "?").collect(Collectors.joining(","));
        Map<Long, StoredDecision> out = new HashMap<>();
        jdbc.query("SELECT * FROM justification_decision WHERE order_id IN (" + marks + ") ORDER BY decision_seq",
                this::map, orderIds.toArray()).forEach(d -> out.put(d.orderId(), d));
        return out;
    }

    /** Every decision on the order, first first: the audit trail. */
    public List<StoredDecision> history(long orderId) {
        return jdbc.query("SELECT * FROM justification_decision WHERE order_id = ? ORDER BY decision_seq", this::map,
                orderId);
    }

    private StoredDecision map(ResultSet rs) throws SQLException {
        return new StoredDecision(rs.getLong("id"), rs.getLong("order_id"), rs.getInt("decision_seq"),
                read(rs.getString("decision_json")));
    }

    private String write(JustificationDecision d) {
        try {
            return json.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Decision cannot be written as JSON", e);
        }
    }

    private JustificationDecision read(String text) {
        try {
            return json.readValue(text, JustificationDecision.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored decision is not valid JSON", e);
        }
    }
}
