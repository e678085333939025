package org.dxaflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dxaflow.access.Caller;
import org.dxaflow.access.User;
import org.dxaflow.report.DeliveryStore;
import org.dxaflow.report.NoSuchReportException;
import org.dxaflow.report.ReportConflictException;
import org.dxaflow.report.ReportDocument;
import org.dxaflow.report.ReportRequestException;
import org.dxaflow.report.ReportState;
import org.dxaflow.report.ReportStore;
import org.dxaflow.report.ReportWorkflow;
import org.dxaflow.report.Reporter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reports and their delivery: lists by status, one report with every version and delivery, the PDF
 * of any version, verify and amend, the delivery record and resend.
 */
public final class ReportsApi {

    private static final int MAX_LIMIT = 500;

    private final ReportStore reports;
    private final DeliveryStore deliveries;
    private final ReportWorkflow workflow;
    private final ObjectMapper json;
    private final Clock clock;

    public ReportsApi(ReportStore reports, DeliveryStore deliveries, ReportWorkflow workflow, ObjectMapper json,
                      Clock clock) {
        this.reports = reports;
        this.deliveries = deliveries;
        this.workflow = workflow;
        this.json = json;
        this.clock = clock;
    }

    /** {@code GET /api/reports?status=AWAITING_REPORT|PRELIMINARY|FINAL|AMENDED|NEW&limit=} (none: newest first). */
    public ApiResponse list(String status, String limit) {
        int max;
        try {
            max = limit == null || limit.isBlank() ? 100 : Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            return ApiResponse.error(400, "limit must be a number, got '" + limit + "'");
        }
        if (max < 1 || max > MAX_LIMIT) {
            return ApiResponse.error(400, "limit must be 1.." + MAX_LIMIT + ", got " + max);
        }
        if (status == null || status.isBlank()) {
            return ApiResponse.json(json, 200, reports.recent(max));
        }
        ReportState state;
        try {
            state = ReportState.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ApiResponse.error(400, "status must be one of NEW, AWAITING_REPORT, PRELIMINARY, FINAL, AMENDED;"
                    + " got '" + status + "'");
        }
        return ApiResponse.json(json, 200, reports.withStatus(state, max));
    }

    /** {@code GET /api/reports/{id}}: the report, every version (with its words) and every delivery with its attempts. */
    public ApiResponse one(String id) {
        Optional<Long> reportId = id(id);
        if (reportId.isEmpty()) {
            return ApiResponse.error(400, "report id must be a number, got '" + id + "'");
        }
        Optional<ReportStore.ReportRow> report = reports.get(reportId.get());
        if (report.isEmpty()) {
            return ApiResponse.error(404, "no report with id " + reportId.get());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("report", report.get());
        List<Map<String, Object>> versions = new ArrayList<>();
        for (ReportStore.VersionRow v : reports.versions(reportId.get())) {
            Map<String, Object> version = new LinkedHashMap<>();
            version.put("version", v);
            reports.document(v.reportId(), v.version()).ifPresent(doc -> {
                version.put("text", doc.text());
                version.put("verification", doc.verification());
                version.put("addendum", doc.addendum());
                version.put("amendment", doc.amendment());
                version.put("studyInstanceUid", doc.uids().studyInstanceUid());
                version.put("studyMismatch", doc.scan().studyMismatch());
                version.put("pdf", "/api/reports/" + v.reportId() + "/pdf?version=" + v.version());
            });
            versions.add(version);
        }
        out.put("versions", versions);
        List<Map<String, Object>> sent = new ArrayList<>();
        for (DeliveryStore.Delivery d : deliveries.forReport(reportId.get())) {
            Map<String, Object> delivery = new LinkedHashMap<>();
            delivery.put("delivery", d);
            delivery.put("attempts", deliveries.attempts(d.id()));
            sent.add(delivery);
        }
        out.put("deliveries", sent);
        return ApiResponse.json(json, 200, out);
    }

    /** {@code GET /api/reports/{id}/pdf[?version=N]}: the PDF sent with that version (default: the current one). */
    public ApiDocument pdf(String id, String version) {
        Optional<Long> reportId = id(id);
        if (reportId.isEmpty()) {
            return ApiDocument.error(ApiResponse.error(400, "report id must be a number, got '" + id + "'"));
        }
        Optional<ReportStore.ReportRow> report = reports.get(reportId.get());
        if (report.isEmpty()) {
            return ApiDocument.error(ApiResponse.error(404, "no report with id " + reportId.get()));
        }
        int v;
        try {
            v = version == null || version.isBlank() ? report.get().currentVersion() : Integer.parseInt(version.trim());
        } catch (NumberFormatException e) {
            return ApiDocument.error(ApiResponse.error(400, "version must be a number, got '" + version + "'"));
        }
        return reports.pdf(reportId.get(), v).map(bytes -> ApiDocument.of("application/pdf", bytes))
                .orElseGet(() -> ApiDocument.error(ApiResponse.error(404, "report " + reportId.get()
                        + " has no version " + v + " (current: " + report.get().currentVersion() + ")")));
    }

    /** {@code GET /api/orders/{id}/reports}. */
    public ApiResponse forOrder(String id) {
        Optional<Long> orderId = id(id);
        if (orderId.isEmpty()) {
            return ApiResponse.error(400, "order id must be a number, got '" + id + "'");
        }
        return ApiResponse.json(json, 200, reports.forOrder(orderId.get()));
    }

    /** {@code POST /api/reports/{id}/verify} {@code {"addendum","text"}}; the reporter is the signed-in user. */
    public ApiResponse verify(String id, String body, Caller caller) {
        return act(id, () -> {
            JsonNode root = RequestBodies.object(json, body, "optionally addendum and text");
            return workflow.verify(id(id).orElseThrow(), reporter(root, caller), RequestBodies.optionalText(root, "addendum"),
                    RequestBodies.optionalText(root, "text"));
        });
    }

    /** {@code POST /api/reports/{id}/amend} {@code {"reason","text"}}; the reporter is the signed-in user. */
    public ApiResponse amend(String id, String body, Caller caller) {
        return act(id, () -> {
            JsonNode root = RequestBodies.object(json, body, "reason and text");
            return workflow.amend(id(id).orElseThrow(), reporter(root, caller), RequestBodies.optionalText(root, "reason"),
                    RequestBodies.optionalText(root, "text"));
        });
    }

    /**
     * {@code GET /api/deliveries?status=PENDING|QUEUED|FAILED|DEAD|DELIVERED|SUPERSEDED&limit=}: each
     * delivery with every attempt (outcome, error, times), newest first.
     */
    public ApiResponse deliveries(String status, String limit) {
        String s = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
        if (s != null && !List.of(DeliveryStore.PENDING, DeliveryStore.QUEUED, DeliveryStore.FAILED, DeliveryStore.DEAD,
                DeliveryStore.DELIVERED, DeliveryStore.SUPERSEDED).contains(s)) {
            return ApiResponse.error(400, "status must be one of PENDING, QUEUED, FAILED, DEAD, DELIVERED, SUPERSEDED;"
                    + " got '" + status + "'");
        }
        int max;
        try {
            max = limit == null || limit.isBlank() ? 100 : Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            return ApiResponse.error(400, "limit must be a number, got '" + limit + "'");
        }
        if (max < 1 || max > MAX_LIMIT) {
            return ApiResponse.error(400, "limit must be 1.." + MAX_LIMIT + ", got " + max);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (DeliveryStore.Delivery d : deliveries.find(s, max)) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("delivery", d);
            one.put("attempts", deliveries.attempts(d.id()));
            out.add(one);
        }
        return ApiResponse.json(json, 200, out);
    }

    /** {@code POST /api/deliveries/{id}/resend}: a DEAD or FAILED delivery is queued again. */
    public ApiResponse resend(String id) {
        Optional<Long> deliveryId = id(id);
        if (deliveryId.isEmpty()) {
            return ApiResponse.error(400, "delivery id must be a number, got '" + id + "'");
        }
        Optional<DeliveryStore.Delivery> d = deliveries.get(deliveryId.get());
        if (d.isEmpty()) {
            return ApiResponse.error(404, "no delivery with id " + deliveryId.get());
        }
        if (!deliveries.resend(deliveryId.get(), clock.instant())) {
            return ApiResponse.error(409, "delivery " + deliveryId.get() + " is " + d.get().status()
                    + "; only a DEAD or FAILED delivery is resent");
        }
        return ApiResponse.json(json, 202, deliveries.get(deliveryId.get()).orElseThrow());
    }

    private ApiResponse act(String id, Supplier<ReportDocument> action) {
        if (id(id).isEmpty()) {
            return ApiResponse.error(400, "report id must be a number, got '" + id + "'");
        }
        try {
            ReportDocument doc = action.get();
            return one(String.valueOf(doc.reportId()));
        } catch (BadRequestException | ReportRequestException e) {
            return ApiResponse.error(400, e.getMessage());
        } catch (NoSuchReportException e) {
            return ApiResponse.error(404, e.getMessage());
        } catch (ReportConflictException e) {
            return ApiResponse.error(409, e.getMessage());
        }
    }

    /**
     * The reporter is the signed-in user as the directory knows them (name, title, registration
     * printed on the report); a {@code reporter} in the body must be that user.
     */
    private static Reporter reporter(JsonNode root, Caller caller) {
        RequestBodies.requireCallerAsActor(root, "reporter", caller, "a report is verified under who verified it");
        User u = caller.user();
        return new Reporter(u.username(), u.name(), u.title().isEmpty() ? "Reporter" : u.title(), u.registration());
    }

    private static Optional<Long> id(String text) {
        try {
            return Optional.of(Long.parseLong(text == null ? "" : text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
