package org.dxaflow.worklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.dxaflow.order.ClinicalAnswer;

/** The referral answers stored with an order, read back from their JSON column. */
final class Answers {

    private static final TypeReference<List<ClinicalAnswer>> TYPE = new TypeReference<>() { };

    private Answers() {
    }

    static List<ClinicalAnswer> parse(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return new ObjectMapper().readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
