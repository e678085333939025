package org.dxaflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dxaflow.gate.ExposureIncident;
import org.dxaflow.gate.ExposureIncidents;
import org.dxaflow.orderbook.OrderStore;
import org.dxaflow.results.ResultHistory;
import org.dxaflow.results.ResultStatus;
import org.dxaflow.results.ResultStore.StoredResult;
import org.dxaflow.results.ResultStore;

/**
 * {@code GET /api/orders/{id}/result}, {@code GET /api/results/{id}}, {@code GET
 * /api/results/unmatched} (reconciliation) and {@code GET /api/results?status=&needsReview=} (e.g.
 * UNMAPPABLE, with the mapping error; results a reporter must see first). Each result says whether
 * its exposure was an IRMER incident ({@code exposure}); one result also shows its earlier outcomes
 * ({@code history}). The stored densitometry and inputs JSON are passed through as stored, so the
 * digits are the engine's.
 */
public final class ResultsApi {

    private final ResultStore results;
    private final OrderStore orders;
    private final ResultHistory history;
    private final ExposureIncidents incidents;
    private final ObjectMapper json;

    /** @param json a mapper writing BigDecimal plainly and ISO dates (DensitometryJson.mapper()) */
    public ResultsApi(ResultStore results, OrderStore orders, ResultHistory history, ExposureIncidents incidents,
            ObjectMapper json) {
        this.results = results;
        this.orders = orders;
        this.history = history;
        this.incidents = incidents;
        this.json = json;
    }

    public ApiResponse get(String id) {
        long resultId;
        try {
            resultId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return ApiResponse.error(400, "result id must be a number, got '" + id + "'");
        }
        return results.get(resultId).map(r -> ok(detail(r)))
                .orElseGet(() -> ApiResponse.error(404, "no result with id " + id));
    }

    /** One result with its earlier outcomes, as the detail view and the reconciliation actions answer. */
    Map<String, Object> detail(StoredResult r) {
        Map<String, Object> body = views(List.of(r)).get(0);
        body.put("history", history.of(r.id()).stream().map(ResultsApi::history).toList());
        return body;
    }

    public ApiResponse forOrder(String id) {
        long orderId;
        try {
            orderId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return ApiResponse.error(400, "order id must be a number, got '" + id + "'");
        }
        if (orders.get(orderId).isEmpty()) {
            return ApiResponse.error(404, "no order with id " + id);
        }
        return results.latestForOrder(orderId).map(r -> {
            Map<String, Object> body = detail(r);
            body.put("allResultIds", results.idsForOrder(orderId));
            return ok(body);
        }).orElseGet(() -> ApiResponse.error(404, "no result received for order " + id));
    }

    public ApiResponse unmatched(String limit) {
        return list(ResultStatus.UNMATCHED.name(), null, limit);
    }

    /**
     * @param needsReview "true": only results a reporter must look at before anything is reported
     *                    (NEEDS_REPORTER_REVIEW flags, or not computed)
     */
    public ApiResponse list(String status, String needsReview, String limit) {
        Boolean review = null;
        if (needsReview != null && !needsReview.isBlank()) {
            String v = needsReview.trim().toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                return ApiResponse.error(400, "needsReview must be true or false, got '" + needsReview + "'");
            }
            review = v.equals("true");
        }
        ResultStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = ResultStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return ApiResponse.error(400, "status must be one of " + List.of(ResultStatus.values()));
            }
        }
        int max;
        try {
            max = limit == null || limit.isBlank() ? 100 : Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            return ApiResponse.error(400, "limit must be a whole number");
        }
        return ok(views(results.find(s, review, max)));
    }

    private List<Map<String, Object>> views(List<StoredResult> found) {
        Map<Long, ExposureIncident> exposures = incidents.forResults(found.stream().map(StoredResult::id).toList());
        return found.stream().map(r -> {
            Map<String, Object> m = view(r);
            ExposureIncident i = exposures.get(r.id());
            m.put("exposure", i == null ? null : IncidentViews.view(i));
            return m;
        }).toList();
    }

    private static Map<String, Object> history(ResultHistory.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", e.action());
        m.put("operator", e.operator());
        m.put("reason", e.reason());
        m.put("at", e.at());
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("status", e.previousStatus());
        before.put("error", e.previousError());
        before.put("mapping", e.previousMapping());
        before.put("orderId", e.previousOrderId());
        before.put("matchMethod", e.previousMatchMethod());
        before.put("needsReporterReview", e.previousNeedsReview());
        before.put("inputs", e.previousInputsJson() == null ? null : new RawValue(e.previousInputsJson()));
        before.put("densitometry", e.previousResultJson() == null ? null : new RawValue(e.previousResultJson()));
        before.put("warnings", e.previousWarningsJson() == null ? null : new RawValue(e.previousWarningsJson()));
        before.put("processedAt", e.previousProcessedAt());
        m.put("previous", before);
        m.put("newStatus", e.newStatus());
        m.put("newOrderId", e.newOrderId());
        return m;
    }

    static Map<String, Object> view(StoredResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("status", r.status());
        m.put("error", r.error());
        m.put("orderId", r.orderId());
        m.put("matchMethod", r.matchMethod());
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", r.sourceType());
        source.put("ref", r.sourceRef());
        source.put("storedObjectId", r.storedObjectId());
        source.put("inboundMessageId", r.inboundMessageId());
        source.put("mapping", r.mapping());
        m.put("source", source);
        Map<String, Object> ids = new LinkedHashMap<>();
        ids.put("studyInstanceUid", r.identifiers().studyInstanceUid());
        ids.put("accessionNumber", r.identifiers().accessionNumber());
        ids.put("patientIdentifier", r.identifiers().patientId());
        ids.put("scanDate", r.identifiers().scanDate());
        m.put("identifiers", ids);
        m.put("scan", r.details());
        m.put("measurements", r.measurements());
        m.put("vfa", r.vfa());
        m.put("needsReporterReview", r.needsReporterReview());
        m.put("inputs", r.inputsJson() == null ? null : new RawValue(r.inputsJson()));
        m.put("densitometry", r.resultJson() == null ? null : new RawValue(r.resultJson()));
        m.put("warnings", r.warnings());
        m.put("priorResultId", r.priorResultId());
        m.put("receivedAt", r.receivedAt());
        m.put("processedAt", r.processedAt());
        return m;
    }

    ApiResponse ok(Object body) {
        return ApiResponse.json(json, 200, body);
    }
}
