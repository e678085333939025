package org.dxaflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.dxaflow.store.InboundMessageStore;

/** {@code GET /api/messages}: the inbound message log, newest first, for integration engineers. */
public final class MessagesApi {

    private final InboundMessageStore messages;
    private final ObjectMapper json;

    public MessagesApi(InboundMessageStore messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public ApiResponse list(String status, String limit) {
        if (status != null && !status.isBlank()) {
            try {
                InboundMessageStore.Status.valueOf(status.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                return ApiResponse.error(400, "status must be one of " + List.of(InboundMessageStore.Status.values()));
            }
        }
        int max;
        try {
            max = limit == null || limit.isBlank() ? 100 : Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            return ApiResponse.error(400, "limit must be a whole number");
        }
        try {
            return new ApiResponse(200, json.writeValueAsString(
                    messages.recent(status == null ? null : status.trim().toUpperCase(), max)));
        } catch (JsonProcessingException e) {
            return ApiResponse.error(500, e.getMessage());
        }
    }
}
