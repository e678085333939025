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
}
