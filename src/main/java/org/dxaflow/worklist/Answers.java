package org.dxaflow.worklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.List;
import org.dxaflow.order.ClinicalAnswer;

/** The referral answers stored with an order, read back from their JSON column. */
final class Answers {

    private static final TypeReference<List<ClinicalAnswer>> TYPE = new TypeReference<>() { };
    /**
     * One reader for every row: building a mapper (and its deserializers) per order cost far more
     * than parsing the answers, and a worklist query reads every order in a worklist status.
     * ObjectReader is immutable and thread-safe.
     */
    private static final ObjectReader READER = new ObjectMapper().readerFor(TYPE);

    private Answers() {
    }

    static List<ClinicalAnswer> parse(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return READER.readValue(json);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
