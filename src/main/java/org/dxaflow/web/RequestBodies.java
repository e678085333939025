package org.dxaflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A request body that must be a JSON object; anything else is a 400 that says what was expected. */
final class RequestBodies {

    private RequestBodies() {
    }

    /** @param holding what the object should hold, for the error ("decision, practitioner and comment") */
    static JsonNode object(ObjectMapper json, String body, String holding) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BadRequestException("request body must be a JSON object with " + holding);
        }
        return root;
    }

    /** A text field, trimmed; "" when absent or null; a 400 naming it when it is not text. */
    static String optionalText(JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw new BadRequestException(field + " must be text");
        }
        return v.asText().trim();
    }

    /**
     * An actor named in a body ({@code "practitioner"}, {@code "reporter"}) must be the signed-in
     * user: what is recorded is who acted, never a name typed in. Absent is fine.
     *
     * @param why the end of the 400's message: what the record is kept under
     */
    static void requireCallerAsActor(JsonNode root, String field, org.dxaflow.access.Caller caller, String why) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw new BadRequestException(field + " must be an object: {\"id\"} (or leave it out)");
        }
        String id = optionalText(node, "id");
        if (!id.isEmpty() && !id.equals(caller.username())) {
            throw new BadRequestException(field + ".id must be the signed-in user (" + caller.username() + "), not "
                    + id + ": " + why);
        }
    }
}
