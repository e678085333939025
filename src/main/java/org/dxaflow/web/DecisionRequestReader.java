package org.dxaflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.dxaflow.access.Caller;
import org.dxaflow.access.User;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dxaflow.justification.Practitioner;
import org.dxaflow.justification.PractitionerDecision;

/**
 * Reads the body of {@code POST /api/orders/{id}/justification}:
 * {@code {"decision": "JUSTIFY"|"RETURN"|"REJECT", "comment": "...", "protocol": ["LSPINE", ...]}}.
 * Each mistake is reported naming the field. The practitioner is the signed-in user: the IRMER
 * record shows who really authorised (a {@code practitioner} given in the body must be that user).
 */
public final class DecisionRequestReader {

    private final ObjectMapper json;

    public DecisionRequestReader(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param caller the signed-in user: the practitioner of the decision. A {@code practitioner}
     *               in the body must be the same user (its id the username), or the request is refused.
     */
    public PractitionerDecision read(String body, Caller caller) {
        JsonNode root = RequestBodies.object(json, body, "decision and comment");
        PractitionerDecision.Action action = action(root.get("decision"));
        Practitioner practitioner = practitioner(root, caller);
        String comment = RequestBodies.optionalText(root, "comment");
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

    /** The IRMER record names the signed-in user, as the directory knows them, never a name typed in a body. */
    private static Practitioner practitioner(JsonNode root, Caller caller) {
        RequestBodies.requireCallerAsActor(root, "practitioner", caller, "a decision is recorded under who made it");
        User u = caller.user();
        return new Practitioner(u.username(), u.name(), u.title().isEmpty() ? "IRMER practitioner" : u.title());
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
}
