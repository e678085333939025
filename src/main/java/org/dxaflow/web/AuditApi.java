package org.dxaflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.dxaflow.audit.AuditLog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** {@code GET /api/audit?from=&to=&user=&patient=&limit=}: the audit trail, newest first (admins). */
public final class AuditApi {

    private static final int MAX_LIMIT = 5000;

    private final AuditLog audit;
    private final ObjectMapper json;

    public AuditApi(AuditLog audit, ObjectMapper json) {
        this.audit = audit;
        this.json = json;
    }

    /**
     * @param from a day (YYYY-MM-DD, from its start, UTC) or an instant (ISO 8601)
     * @param to   a day (up to its end) or an instant (exclusive)
     */
    public ApiResponse find(String from, String to, String user, String patient, String limit) {
        try {
            int max = limit == null || limit.isBlank() ? 500 : Integer.parseInt(limit.trim());
            if (max < 1 || max > MAX_LIMIT) {
                return ApiResponse.error(400, "limit must be 1.." + MAX_LIMIT + ", got " + max);
            }
            return ApiResponse.json(json, 200, audit.find(new AuditLog.Query(instant(from, "from", false),
                    instant(to, "to", true), blankToNull(user), blankToNull(patient), max)));
        } catch (NumberFormatException e) {
            return ApiResponse.error(400, "limit must be a number, got '" + limit + "'");
        } catch (BadRequestException e) {
            return ApiResponse.error(400, e.getMessage());
        }
    }

    private static Instant instant(String text, String field, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.trim().length() == 10) {
                LocalDate day = LocalDate.parse(text.trim());
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field + " must be a day (YYYY-MM-DD) or an instant (2026-12-01T10:00:00Z),"
                    + " got '" + text + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
