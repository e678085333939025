package org.dxaflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.dxaflow.kpi.KpiCsv;
import org.dxaflow.kpi.KpiQueries;
import org.dxaflow.kpi.KpiSettingsLoader;
import org.dxaflow.kpi.ServiceKpis;
import org.dxaflow.order.ReferralQuestions;
import org.dxaflow.pathway.PathwaySettings;
import org.dxaflow.store.Jdbc;

/**
 * {@code GET /api/kpi?from=YYYY-MM-DD&to=YYYY-MM-DD} (JSON) and {@code &format=csv} (CSV): the
 * service KPIs of issue #12 for the days from {@code from} to {@code to} inclusive, as
 * {@link KpiQueries} defines them. A missing or unreadable date, or {@code from} after {@code to},
 * is a 400 naming the field; so is a format other than json or csv.
 */
public final class KpiApi {

    public static final String CSV_TYPE = "text/csv; charset=utf-8";

    private final KpiQueries queries;
    private final KpiCsv csv;
    private final ObjectMapper json;

    /** @param json a mapper writing ISO dates (app/Json) */
    public KpiApi(KpiQueries queries, KpiCsv csv, ObjectMapper json) {
        this.queries = queries;
        this.csv = csv;
        this.json = json;
    }

    /** The engine's wiring: reads {@code conf/kpi.yaml} (file:line errors stop the start). */
    public static KpiApi create(Jdbc jdbc, ReferralQuestions questions, PathwaySettings pathway, Path confDir,
            ObjectMapper json) {
        return new KpiApi(new KpiQueries(jdbc, questions,
                new KpiSettingsLoader().load(confDir.resolve(KpiSettingsLoader.FILE), pathway), json),
                new KpiCsv(), json);
    }

    /** The KPIs as JSON; {@code format} may be absent or json (csv is routed to {@link #csv}). */
    public ApiResponse get(String from, String to, String format) {
        if (format != null && !format.isBlank() && !format.trim().equalsIgnoreCase("json")) {
            return ApiResponse.error(400, "format must be json or csv, got '" + format + "'");
        }
        try {
            return ApiResponse.json(json, 200, compute(from, to));
        } catch (BadRequestException e) {
            return ApiResponse.error(400, e.getMessage());
        }
    }

    /** The KPIs as CSV ({@link KpiCsv}), or the 400 as JSON. */
    public ApiDocument csv(String from, String to) {
        try {
            return ApiDocument.of(CSV_TYPE, csv.write(compute(from, to)).getBytes(StandardCharsets.UTF_8));
        } catch (BadRequestException e) {
            return ApiDocument.error(ApiResponse.error(400, e.getMessage()));
        }
    }

    private ServiceKpis compute(String from, String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start.isAfter(end)) {
            throw new BadRequestException("from (" + start + ") must not be after to (" + end + ")");
        }
        return queries.compute(start, end);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(field + " is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field + " must be a date YYYY-MM-DD, got '" + value + "'");
        }
    }
}
