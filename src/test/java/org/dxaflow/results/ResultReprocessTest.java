package org.dxaflow.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.ConfDir;
import org.dxaflow.testing.EngineSetup;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.RunningEngine;
import org.dxaflow.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result no mapping could read is read again after the mapping is fixed (and the engine
 * restarted to load it): {@code POST /api/results/{id}/reprocess} re-reads the stored message
 * through the current mappings, matches and computes it, and keeps what it said before.
 */
class ResultReprocessTest {

    @TempDir
    Path temp;

    @Test
    void anUnmappableResultIsReadAgainAfterTheMappingFixAndItsFirstOutcomeIsKept() throws IOException {
        ConfDir mappings = ConfDir.copyOf(Path.of("mappings"), temp.resolve("mappings"));
        EngineSetup setup = EngineSetup.in(temp.resolve("data"))
                .env(Map.of("DXAFLOW_MAPPINGS_DIR", mappings.path().toString()));
        // the site's new workstation sends as NEWDXA, which the example ORU profile does not claim yet
        String oru = Samples.hl7("results/oru-r01-v251-woman-70-vfa.hl7").replace("|EXDXA|DXA|", "|NEWDXA|DXA|");

        long resultId;
        try (RunningEngine engine = setup.start()) {
            Http http = engine.http();
            engine.hl7().accept(Samples.hl7("results/orm-o01-v24-order-woman-70-menopause-not-stated.hl7"));
            Await.until("order scheduled", Duration.ofSeconds(20), () -> http.orders("accessionNumber=ACC500006"),
                    a -> a.size() == 1 && a.get(0).get("status").asText().equals("SCHEDULED"));
            engine.hl7().accept(oru);
            JsonNode unmappable = Await.until("unmappable result", Duration.ofSeconds(20),
                    () -> http.get("/api/results?status=UNMAPPABLE").json(), a -> a.size() == 1).get(0);
            assertTrue(unmappable.get("error").asText().contains("MSH-3 'NEWDXA' does not match"), unmappable.toString());
            resultId = unmappable.get("id").asLong();
        }

        mappings.replace("results/example-oru.yaml", "sendingApplication: \"^EXDXA$\"",
                "sendingApplication: \"^(EXDXA|NEWDXA)$\"");
        try (RunningEngine engine = setup.start()) {
            Http http = engine.http();
            Http.Reply noWho = http.post("/api/results/" + resultId + "/reprocess", "{\"reason\": \"mapping fixed\"}");
            assertEquals(400, noWho.status(), String.valueOf(noWho.json()));
            assertTrue(noWho.json().get("error").asText().contains("operator is required"));
            assertEquals(404, http.post("/api/results/987654/reprocess",
                    "{\"operator\": \"A Engineer\", \"reason\": \"mapping fixed\"}").status());

            Http.Reply again = http.post("/api/results/" + resultId + "/reprocess",
                    "{\"operator\": \"A Engineer (integration)\", \"reason\": \"example-oru now claims NEWDXA\"}");

            assertEquals(200, again.status(), String.valueOf(again.json()));
            JsonNode r = again.json();
            assertEquals("COMPUTED", r.get("status").asText(), r.toString());
            assertEquals("example-oru", r.get("source").get("mapping").asText());
            assertEquals("ACCESSION_NUMBER", r.get("matchMethod").asText());
            // neck T = (0.498 - 0.858) / 0.120 = -3.0 with a fragility fracture: severe osteoporosis
            assertEquals("SEVERE_OSTEOPOROSIS", r.get("densitometry").get("whoCategory").asText());
            JsonNode h = r.get("history");
            assertEquals(1, h.size(), h.toString());
            assertEquals("REPROCESSED", h.get(0).get("action").asText());
            assertEquals("A Engineer (integration)", h.get(0).get("operator").asText());
            assertEquals("UNMAPPABLE", h.get(0).get("previous").get("status").asText());
            assertTrue(h.get(0).get("previous").get("error").asText().contains("MSH-3 'NEWDXA' does not match"));
            assertEquals("COMPLETED", http.orders("accessionNumber=ACC500006").get(0).get("status").asText());

            Http.Reply twice = http.post("/api/results/" + resultId + "/reprocess",
                    "{\"operator\": \"A Engineer\", \"reason\": \"check it reads the same\"}");
            assertEquals(200, twice.status(), String.valueOf(twice.json()));
            assertEquals(2, twice.json().get("history").size());
            assertEquals("COMPUTED", twice.json().get("history").get(1).get("previous").get("status").asText());
            assertEquals(1, http.get("/api/results?status=COMPUTED").json().size(), "filed again, not a second result");
        }
    }
}
