package org.dxaflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Supplier;
import org.dxaflow.results.ResultReconciliation;
import org.dxaflow.results.ResultStore.StoredResult;

/**
 * Filing results again by hand: {@code POST /api/results/{id}/match} {@code {"orderId", "operator",
 * "reason"}} files an UNMATCHED result under the order named; {@code POST
 * /api/results/{id}/reprocess} {@code {"operator", "reason"}} reads it again through the current
 * mappings. Both answer the result as it is now, with its earlier outcomes (200); 400 names the
 * missing or wrong field, 404 an unknown result or order, 409 a result in the wrong state. There is
 * no authentication yet, so who did it is what the request says; it is kept with the result.
 */
public final class ResultReconciliationApi {

    private final ResultReconciliation reconciliation;
    private final ResultsApi results;
    private final ObjectMapper json;

    public ResultReconciliationApi(ResultReconciliation reconciliation, ResultsApi results, ObjectMapper json) {
        this.reconciliation = reconciliation;
        this.results = results;
        this.json = json;
    }

    public ApiResponse match(String id, String body) {
        return answer(id, () -> {
            long resultId = resultId(id);
            JsonNode request = object(body);
            long orderId = orderId(request.get("orderId"));
            return reconciliation.matchByHand(resultId, orderId, required(request, "operator"),
                    required(request, "reason"));
        });
    }

    public ApiResponse reprocess(String id, String body) {
        return answer(id, () -> {
            long resultId = resultId(id);
            JsonNode request = object(body);
            return reconciliation.reprocess(resultId, required(request, "operator"), required(request, "reason"));
        });
    }

    private ApiResponse answer(String id, Supplier<StoredResult> action) {
        try {
            return results.ok(results.detail(action.get()));
        } catch (BadRequestException e) {
            return ApiResponse.error(400, e.getMessage());
        } catch (ResultReconciliation.NotFound e) {
            return ApiResponse.error(404, e.getMessage());
        } catch (ResultReconciliation.Conflict e) {
            return ApiResponse.error(409, e.getMessage());
        }
    }

    private static long resultId(String id) {
        try {
            return Long.parseLong(id == null ? "" : id.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("result id must be a number, got '" + id + "'");
        }
    }

    private JsonNode object(String body) {
        return RequestBodies.object(json, body, "operator and reason");
    }

    private static long orderId(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new BadRequestException("orderId is required: the id of the order the result belongs to");
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber()) {
            throw new BadRequestException("orderId must be a number, not " + node);
        }
        return node.asLong();
    }

    /** Who and why are the record of a person's action: both required, as text. */
    private static String required(JsonNode request, String field) {
        JsonNode v = request.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new BadRequestException(field + " is required (text): "
                    + (field.equals("operator") ? "who files the result" : "why it is filed so"));
        }
        return v.asText().trim();
    }
}
