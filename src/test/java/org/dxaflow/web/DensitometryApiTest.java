package org.dxaflow.web;

import static org.dxaflow.testing.Decimals.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dxaflow.densitometry.DensitometryCalculator;
import org.dxaflow.densitometry.api.ComputeRequestValidator;
import org.dxaflow.densitometry.api.DensitometryJson;
import org.dxaflow.densitometry.conf.ReferenceDataLoader;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/densitometry/compute} as the bean answers it (the HTTP round trip is in
 * ResultsIngestTest). Expected values are worked out by hand from conf/ (NHANES III women 20-29
 * femoral neck 0.858 +/- 0.120 g/cm2; LSC femoral neck 0.035; ISCD exclusion difference 1.0).
 */
class DensitometryApiTest {

    static final DensitometryApi API = new DensitometryApi(
            new DensitometryCalculator(new ReferenceDataLoader().load(Path.of("conf"))),
            new ComputeRequestValidator(), DensitometryJson.mapper());
    static final ObjectMapper JSON = new ObjectMapper();

    static final String EXCLUSION_AND_CHANGE = """
            {"sex":"F","birthDate":"1955-03-12","scanDate":"2026-11-28","manufacturer":"HOLOGIC",
             "menopausal":true,"fragilityFracture":false,
             "sites":[
               {"site":"L1","bmd":0.800,"bmc":12.00,"area":15.00,"tScore":-2.2},
               {"site":"L2","bmd":0.820,"bmc":13.12,"area":16.00,"tScore":-2.0},
               {"site":"L3","bmd":1.100,"bmc":18.70,"area":17.00,"tScore":0.4},
               {"site":"L4","bmd":0.840,"bmc":15.12,"area":18.00,"tScore":-1.9},
               {"site":"FEMORAL_NECK","laterality":"LEFT","bmd":0.600}],
             "prior":{"scanDate":"2024-11-20","manufacturer":"HOLOGIC","sites":[
               {"site":"L1","bmd":0.820,"bmc":12.30,"area":15.00},
               {"site":"L2","bmd":0.840,"bmc":13.44,"area":16.00},
               {"site":"L4","bmd":0.860,"bmc":15.48,"area":18.00},
               {"site":"FEMORAL_NECK","laterality":"LEFT","bmd":0.640}]}}
            """;

    static JsonNode ok(String body) throws Exception {
        ApiResponse r = API.compute(body);
        assertEquals(200, r.status(), r.body());
        return JSON.readTree(r.body());
    }

    static List<String> badFields(String body) throws Exception {
        ApiResponse r = API.compute(body);
        assertEquals(400, r.status(), r.body());
        List<String> fields = new ArrayList<>();
        JSON.readTree(r.body()).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void exclusionSpineBmdScoresAndSerialChange() throws Exception {
        JsonNode r = ok(EXCLUSION_AND_CHANGE);
        // Exclusion (vendor per-vertebra T): L3 (+0.4) differs from L2 (-2.0) by 2.4 and from L4 (-1.9)
        // by 2.3; L4 differs from its only neighbour L3 by 2.3. Both qualify; the furthest from the mean
        // of the others goes: L3 |0.4 - (-2.2 - 2.0 - 1.9)/3| = |0.4 + 2.033| = 2.433, L4 |-1.9 -
        // (-2.2 - 2.0 + 0.4)/3| = |-1.9 + 1.267| = 0.633. L3 is excluded; then L1, L2, L4 (L4's
        // neighbour now L2: 0.1) qualify no more.
        JsonNode spine = r.get("spine");
        assertEquals("[\"L1\",\"L2\",\"L4\"]", spine.get("includedVertebrae").toString());
        assertEquals("L3", spine.get("excludedVertebrae").get(0).get("site").asText());
        assertTrue(spine.get("excludedVertebrae").get(0).get("reason").asText().length() > 10);
        // BMD = (12.00 + 13.12 + 15.12) / (15.00 + 16.00 + 18.00) = 40.24 / 49 = 0.82122 -> 0.821
        assertDecimal("0.821", spine.get("bmd"));
        // L1, L2, L4 is not a contiguous range: no reference, no vendor value for it, no spine T-score
        assertTrue(spine.get("tScore").isNull());

        // Femoral neck T = (0.600 - 0.858) / 0.120 = -2.15, presented half away from zero: -2.2
        JsonNode neck = r.get("sites").get(4);
        assertEquals("FEMORAL_NECK", neck.get("site").asText());
        assertDecimal("-2.2", neck.get("tScore"));
        assertDecimal("0.858", neck.get("reference").get("mean"));
        assertDecimal("0.120", neck.get("reference").get("sd"));
        // -2.5 < -2.2 < -1.0 would be osteopenia from the neck alone, but the measured spine (L1,L2,L4
        // with L3 proposed for exclusion) has no T-score: no category, the reporter decides
        assertTrue(r.get("whoCategory").isNull());
        assertTrue(r.get("needsReporterReview").asBoolean());
        assertEquals("PROPOSED", spine.get("excludedVertebrae").get(0).get("status").asText());
        assertEquals("FEMORAL_NECK", r.get("lowestTScore").get("site").asText());

        // Change, prior from the request, same manufacturer:
        //   spine (same vertebrae L1,L2,L4): prior (12.30 + 13.44 + 15.48) / 49 = 41.22 / 49 = 0.841224;
        //     delta = (40.24 - 41.22) / 49 = -0.98 / 49 = -0.020; % = -0.020 / 0.841224 x 100 = -2.38 -> -2.4;
        //     no LSC for "L1,L2,L4" (ISCD: derive it for that combination): significance unknown
        //   neck: 0.600 - 0.640 = -0.040 (-6.25 % -> -6.3), |-0.040| >= LSC 0.035: significant loss
        JsonNode spineChange = change(r, "L1,L2,L4");
        assertDecimal("-0.020", spineChange.get("deltaBmd"));
        assertDecimal("-2.4", spineChange.get("percent"));
        assertTrue(spineChange.get("significant").isNull());
        JsonNode neckChange = change(r, "FEMORAL_NECK");
        assertDecimal("-0.040", neckChange.get("deltaBmd"));
        assertDecimal("-6.3", neckChange.get("percent"));
        assertDecimal("0.035", neckChange.get("lsc"));
        assertTrue(neckChange.get("significant").asBoolean());
        boolean lossFlag = false;
        for (JsonNode f : r.get("flags")) {
            lossFlag |= f.get("code").asText().equals("SIGNIFICANT_BMD_LOSS");
        }
        assertTrue(lossFlag, r.get("flags").toString());
    }

    static JsonNode change(JsonNode r, String site) {
        for (JsonNode c : r.get("change")) {
            if (c.get("site").asText().equals(site)) {
                return c;
            }
        }
        throw new AssertionError("no change for " + site + ": " + r.get("change"));
    }

    @Test
    void lscBoundaryBothSides() throws Exception {
        // neck 0.605 - 0.640 = -0.035: |delta| = LSC 0.035 is significant (>=); 0.606 - 0.640 = -0.034 is not
        assertTrue(change(ok(EXCLUSION_AND_CHANGE.replace("\"bmd\":0.600}", "\"bmd\":0.605}")), "FEMORAL_NECK")
                .get("significant").asBoolean());
        assertEquals(false, change(ok(EXCLUSION_AND_CHANGE.replace("\"bmd\":0.600}", "\"bmd\":0.606}")),
                "FEMORAL_NECK").get("significant").asBoolean());
    }

    @Test
    void badInputIsA400NamingTheField() throws Exception {
        assertEquals(List.of("sites[4].site"), badFields(EXCLUSION_AND_CHANGE.replace("\"FEMORAL_NECK\",\"laterality\":\"LEFT\",\"bmd\":0.600",
                "\"NECK\",\"laterality\":\"LEFT\",\"bmd\":0.600")));
        assertEquals(List.of("sites[0].bmd"), badFields(EXCLUSION_AND_CHANGE.replace("\"bmd\":0.800", "\"bmd\":-0.800")));
        assertEquals(List.of("birthDate"), badFields(EXCLUSION_AND_CHANGE.replace("\"birthDate\":\"1955-03-12\",", "")));
        assertEquals(List.of("prior.sites[3].bmd"), badFields(EXCLUSION_AND_CHANGE.replace("\"bmd\":0.640", "\"bmd\":0")));
    }

    @Test
    void unknownFieldsAndWrongTypesAreA400NamingThePath() throws Exception {
        // a misspelt "menopausal" must not silently be read as "not stated" (the menopausal-status rule would
        // then decide): the unknown field is a 400
        assertEquals(List.of("menopause"), badFields(EXCLUSION_AND_CHANGE.replace("\"menopausal\":true",
                "\"menopause\":true")));
        assertEquals(List.of("prior.sites[0].bmdd"), badFields(EXCLUSION_AND_CHANGE.replace(
                "{\"site\":\"L1\",\"bmd\":0.820", "{\"site\":\"L1\",\"bmdd\":0.820")));
        assertEquals(List.of("sites[1].bmd"), badFields(EXCLUSION_AND_CHANGE.replace("\"bmd\":0.820,\"bmc\":13.12",
                "\"bmd\":\"heavy\",\"bmc\":13.12")));
        assertEquals(List.of(""), badFields("{\"sex\":\"F\","));
        assertEquals(List.of(""), badFields(""));
    }

    static List<JsonNode> errors(String body) throws Exception {
        ApiResponse r = API.compute(body);
        assertEquals(400, r.status(), r.body());
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(r.body()).get("errors").forEach(out::add);
        return out;
    }

    @Test
    void everyUnknownFieldAndWrongTypeIsNamedInOneAnswer() throws Exception {
        String body = EXCLUSION_AND_CHANGE
                .replace("\"birthDate\":\"1955-03-12\",", "")
                .replace("\"menopausal\":true", "\"menopausal\":\"yes\",\"colour\":\"red\"")
                .replace("\"bmd\":0.820,\"bmc\":13.12", "\"bmd\":\"heavy\",\"bmc\":13.12,\"density\":{\"a\":[1,2]}")
                .replace("\"area\":17.00,\"tScore\":0.4", "\"area\":true,\"tScore\":{\"x\":1}")
                .replace("{\"site\":\"L1\",\"bmd\":0.820", "{\"site\":\"L1\",\"bmdd\":0.820");
        List<JsonNode> errors = errors(body);
        assertEquals(List.of("menopausal", "colour", "sites[1].bmd", "sites[1].density", "sites[2].area",
                "sites[2].tScore", "prior.sites[0].bmdd", "birthDate"),
                errors.stream().map(e -> e.get("field").asText()).toList(), errors.toString());
        assertEquals("unknown field 'colour'", errors.get(1).get("message").asText());
        assertEquals("unknown field 'bmdd'", errors.get(6).get("message").asText());
        assertTrue(errors.get(0).get("message").asText().contains("true or false"), errors.get(0).toString());
        assertTrue(errors.get(2).get("message").asText().contains("a number"), errors.get(2).toString());
        assertTrue(errors.get(4).get("message").asText().contains("a number"), errors.get(4).toString());
        assertTrue(errors.get(5).get("message").asText().contains("a number"), errors.get(5).toString());
        assertEquals("is required", errors.get(7).get("message").asText());
    }

    @Test
    void wrongTypesOfWholeSectionsAreNamedWithTheRest() throws Exception {
        String body = EXCLUSION_AND_CHANGE.replaceFirst("\"manufacturer\":\"HOLOGIC\"", "\"manufacturer\":[\"HOLOGIC\"]");
        assertEquals(List.of("manufacturer"), badFields(body));
        assertEquals(List.of("sites", "referral", "extra"), badFields("""
                {"sex":"M","birthDate":"1950-01-01","scanDate":"2026-11-28","manufacturer":"HOLOGIC",
                 "sites":"L1-L4=0.9","referral":5,"extra":null}"""));
        assertEquals(List.of("sites[0]", "sites[1].site"), badFields("""
                {"sex":"M","birthDate":"1950-01-01","scanDate":"2026-11-28","manufacturer":"HOLOGIC",
                 "sites":[1,{"site":7,"bmd":0.9}]}""").subList(0, 2));
        assertEquals(List.of(""), badFields("[1,2]"));
    }
}
