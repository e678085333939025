package org.dxaflow.densitometry.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.dxaflow.densitometry.DensitometryCalculator;
import org.dxaflow.densitometry.DensitometryResult;
import org.dxaflow.densitometry.conf.ReferenceDataLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jackson round trip of the request and the response shape the REST layer will expose. */
class JsonShapeTest {

    private static final String REQUEST = """
            {"sex":"F","birthDate":"1955-03-12","scanDate":"2026-11-28","manufacturer":"HOLOGIC",
             "menopausal":true,"fragilityFracture":false,
             "sites":[{"site":"FEMORAL_NECK","laterality":"LEFT","bmd":0.558,"bmc":null,"area":null,"tScore":null},
                      {"site":"L1-L4","laterality":null,"bmd":0.970,"tScore":-1.0},
                      {"site":"TOTAL_HIP","laterality":"LEFT","bmd":0.698}],
             "prior":{"scanDate":"2024-11-20","manufacturer":"HOLOGIC",
                      "sites":[{"site":"FEMORAL_NECK","laterality":"LEFT","bmd":0.600},
                               {"site":"L1-L4","bmd":1.000}]}}
            """;

    private final JsonMapper mapper = DensitometryJson.mapper();

    @Test
    void requestRoundTrips() throws Exception {
        ComputeRequest request = mapper.readValue(REQUEST, ComputeRequest.class);
        assertEquals("FEMORAL_NECK", request.sites().get(0).site());
        assertEquals("0.558", request.sites().get(0).bmd().toPlainString());
        assertEquals("-1.0", request.sites().get(1).tScore().toPlainString());
        assertEquals(request, mapper.readValue(mapper.writeValueAsString(request), ComputeRequest.class));
        JsonNode tree = mapper.readTree(mapper.writeValueAsString(request));
        assertTrue(tree.get("sites").get(0).has("tScore"), tree.toString());
    }

    @Test
    void responseHasTheDocumentedShape() throws Exception {
        DensitometryCalculator calculator =
                new DensitometryCalculator(new ReferenceDataLoader().load(Path.of("conf")));
        ComputeRequest request = mapper.readValue(REQUEST, ComputeRequest.class);
        DensitometryResult result = calculator.compute(new ComputeRequestValidator().validate(request));
        String json = mapper.writeValueAsString(result);
        JsonNode root = mapper.readTree(json);

        assertEquals(List.of("sites", "lowestTScore", "whoCategory", "whoCategoryAllVertebrae", "zScoreInterpretation",
                "menopausalStatus", "spine", "vfa", "change", "needsReporterReview", "flags", "provenance"),
                fieldNames(root));
        JsonNode neck = root.get("sites").get(0);
        assertEquals("FEMORAL_NECK", neck.get("site").asText());
        assertEquals("LEFT", neck.get("laterality").asText());
        assertNumber("0.558", neck.get("bmd"));
        // (0.558 − 0.858) / 0.120 = −2.5
        assertNumber("-2.5", neck.get("tScore"));
        assertTrue(neck.get("zScore").isNull());
        assertNumber("0.858", neck.get("reference").get("mean"));
        assertNumber("0.120", neck.get("reference").get("sd"));
        // the JSON text keeps the cited digits (plain BigDecimal, trailing zero included)
        assertTrue(json.contains("\"mean\":0.858,\"sd\":0.120"), json);
        assertTrue(neck.get("reference").get("name").asText().contains("NHANES III"));
        assertEquals("L1-L4", root.get("sites").get(1).get("site").asText());

        assertEquals("FEMORAL_NECK", root.get("lowestTScore").get("site").asText());
        assertEquals("LEFT", root.get("lowestTScore").get("laterality").asText());
        assertNumber("-2.5", root.get("lowestTScore").get("value"));
        assertEquals("OSTEOPOROSIS", root.get("whoCategory").asText());
        assertTrue(root.get("zScoreInterpretation").isNull());

        JsonNode spine = root.get("spine");
        assertNumber("0.970", spine.get("bmd"));
        assertEquals("[\"L1\",\"L2\",\"L3\",\"L4\"]", spine.get("includedVertebrae").toString());
        assertTrue(spine.get("excludedVertebrae").isArray());

        // spine L1-L4: 0.970 − 1.000 = −0.030 ≥ 0.030 -> significant; FN: 0.558 − 0.600 = −0.042 ≥ 0.035
        JsonNode spineChange = root.get("change").get(0);
        assertEquals("L1-L4", spineChange.get("site").asText());
        assertNumber("-0.030", spineChange.get("deltaBmd"));
        assertNumber("-3.0", spineChange.get("percent"));
        assertNumber("0.030", spineChange.get("lsc"));
        assertTrue(spineChange.get("significant").asBoolean());
        JsonNode neckChange = root.get("change").get(1);
        assertNumber("-0.042", neckChange.get("deltaBmd"));
        // −0.042 / 0.600 × 100 = −7.0
        assertNumber("-7.0", neckChange.get("percent"));
        assertTrue(root.get("flags").isArray());
        assertEquals("SIGNIFICANT_BMD_LOSS", root.get("flags").get(0).get("code").asText());
        assertTrue(root.get("provenance").get("engineVersion").asText().startsWith("dxaflow-densitometry"));

        // and the whole result reads back into the same record
        assertEquals(result, mapper.readValue(json, DensitometryResult.class));
    }

    private static void assertNumber(String expected, JsonNode node) {
        assertTrue(node.isNumber(), "not a number: " + node);
        assertEquals(0, new java.math.BigDecimal(expected).compareTo(node.decimalValue()), expected + " vs " + node);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
