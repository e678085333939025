package org.dxaflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dxaflow.hl7.InboundMessageStore;

/**
 * {@code GET /api/messages?status=&limit=&before=}: the inbound message log, newest first, as
 * summaries without the message text, at most {@link #MAX_LIMIT} per page ({@code before} = the
 * smallest id of the page seen, for the next one). {@code GET /api/messages/{id}}: one message with
 * its text.
 */
public final class MessagesApi {

    /** A page larger than this is refused: one request must not pull the whole log into memory. */
    public static final int MAX_LIMIT = 500;

    private final InboundMessageStore messages;
    private final ObjectMapper json;

    public MessagesApi(InboundMessageStore messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public ApiResponse list(String status, String limit, String before) {
        if (status != null && !status.isBlank()) {
            try {
                InboundMessageStore.Status.valueOf(status.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                return ApiResponse.error(400, "status must be one of " + List.of(InboundMessageStore.Status.values()));
            }
        }
        int max;
        Long beforeId;
        try {
            max = limit == null || limit.isBlank() ? 100 : Integer.parseInt(limit.trim());
            beforeId = before == null || before.isBlank() ? null : Long.parseLong(before.trim());
        } catch (NumberFormatException e) {
            return ApiResponse.error(400, "limit and before must be whole numbers");
        }
        if (max < 1 || max > MAX_LIMIT) {
            return ApiResponse.error(400, "limit must be from 1 to " + MAX_LIMIT + ", was " + max);
        }
        return ApiResponse.json(json, 200, messages.recent(status == null ? null : status.trim().toUpperCase(),
                beforeId, max).stream().map(MessagesApi::summary).toList());
    }

    public ApiResponse one(String id) {
        long messageId;
        try {
            messageId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return ApiResponse.error(400, "message id must be a number, got '" + id + "'");
        }
        return messages.byId(messageId).map(m -> ApiResponse.json(json, 200, m))
                .orElseGet(() -> ApiResponse.error(404, "no message with id " + id));
    }

    private static Map<String, Object> summary(InboundMessageStore.StoredMessage m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", m.id());
        v.put("intakeId", m.intakeId());
        v.put("controlId", m.controlId());
        v.put("sendingApplication", m.sendingApplication());
        v.put("sendingFacility", m.sendingFacility());
        v.put("messageType", m.messageType());
        v.put("triggerEvent", m.triggerEvent());
        v.put("version", m.version());
        v.put("receivedAt", m.receivedAt());
        v.put("processedAt", m.processedAt());
        v.put("status", m.status());
        v.put("ackCode", m.ackCode());
        v.put("error", m.error());
        return v;
    }
}
