package org.dxaflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An HTTP answer from an API bean: the status and a JSON body. Routes copy both onto the exchange. */
public record ApiResponse(int status, String body) {

    /** {@code body} written as JSON; a body Jackson cannot write is a 500 naming why. */
    public static ApiResponse json(ObjectMapper json, int status, Object body) {
        try {
            return new ApiResponse(status, json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            return error(500, e.getOriginalMessage());
        }
    }

    public static ApiResponse error(int status, String message) {
        return new ApiResponse(status, "{\"error\":" + quote(message) + "}");
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
