package org.dxaflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dxaflow.justification.Practitioner;
import org.dxaflow.justification.PractitionerDecision;

/**
 * Reads the body of {@code POST /api/orders/{id}/justification}:
 * {@code {"decision": "JUSTIFY"|"RETURN"|"REJECT", "practitioner": {"id", "name", "role"},
 * "comment": "...", "protocol": ["LSPINE", ...]}}. Each mistake is reported naming the field.
 * The practitioner's name and role are required: the IRMER record must show who authorised.
 */
public final class DecisionRequestReader {

    private final ObjectMapper json;

    public DecisionRequestReader(ObjectMapper json) {
        this.json = json;
    }

    public PractitionerDecision read(String body) {
        JsonNode root = RequestBodies.object(json, body, "decision, practitioner and comment");
        PractitionerDecision.Action action = action(root.get("decision"));
        Practitioner practitioner = practitioner(root.get("practitioner"));
        String comment = optionalText(root, "comment");
        if (action != PractitionerDecision.Action.JUSTIFY && comment.isBlank()) {
            throw new BadRequestException("comment is required for " + action + ": say why, for the referrer");
        }
        return new PractitionerDecision(action, practitioner, comment, protocol(root.get("protocol")));
    }

    private static PractitionerDecision.Action action(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new BadRequestException("decision is required: JUSTIFY, RETURN or REJECT");
        }
        String text = node.isTextual() ? node.asText().trim().toUpperCase(Locale.ROOT) : "";
        try {
            return PractitionerDecision.Action.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("decision must be JUSTIFY, RETURN or REJECT, not " + node);
        }
    }

    private static Practitioner practitioner(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new BadRequestException("practitioner is required: {\"id\", \"name\", \"role\"}");
        }
        if (!node.isObject()) {
            throw new BadRequestException("practitioner must be an object: {\"id\", \"name\", \"role\"}");
        }
        return new Practitioner(requiredText(node, "practitioner.", "id"), requiredText(node, "practitioner.", "name"),
                requiredText(node, "practitioner.", "role"));
    }

    private static List<String> protocol(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new BadRequestException("protocol must be a list of protocol codes, e.g. [\"LSPINE\", \"HIP\"]");
        }
        List<String> codes = new ArrayList<>();
        for (JsonNode code : node) {
            if (!code.isTextual() || code.asText().isBlank()) {
                throw new BadRequestException("protocol must list protocol codes as text, found " + code);
            }
            codes.add(code.asText().trim().toUpperCase(Locale.ROOT));
        }
        return codes;
    }

    private static String requiredText(JsonNode parent, String prefix, String field) {
        JsonNode v = parent.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new BadRequestException(prefix + field + " is required (text)");
        }
        return v.asText().trim();
    }

    private static String optionalText(JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw new BadRequestException(field + " must be text");
        }
        return v.asText().trim();
    }
}
