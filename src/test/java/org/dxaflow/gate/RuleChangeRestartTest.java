package org.dxaflow.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.dxaflow.app.Engine;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.ConfDir;
import org.dxaflow.testing.EngineSetup;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.ReferralCase;
import org.dxaflow.testing.RunningEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 4: a threshold changed in conf/justification/rules.yaml changes the outcome after a
 * restart, with no code change; decisions made before keep their rule-set version. A broken rule
 * file stops the engine from starting, naming the file and line.
 */
class RuleChangeRestartTest {

    @TempDir
    Path temp;

    @Test
    void aFollowUpIntervalChangedInRulesYamlChangesTheOutcomeAfterRestart() throws IOException {
        ConfDir conf = ConfDir.copyOfShipped(temp.resolve("conf"));
        EngineSetup setup = EngineSetup.in(temp.resolve("data")).conf(conf);
        // case 52: follow-up 23 months after the previous scan; the shipped interval is 2 years
        ReferralCase followUp = ReferralCase.number(52);

        try (RunningEngine engine = setup.start()) {
            engine.hl7().accept(followUp.toHl7("2.4", "T-1", "RULES-BEFORE"));
            assertEquals("NEEDS_REVIEW", awaitDecision(engine.http(), "RULES-BEFORE").get("outcome").asText());
        }

        conf.replace("justification/rules.yaml", "  minYears: 2", "  minYears: 1")
                .replace("justification/rules.yaml", "version: \"2025.06-2\"", "version: \"2025.06-3\"");
        try (RunningEngine engine = setup.start()) {
            engine.hl7().accept(followUp.toHl7("2.4", "T-2", "RULES-AFTER"));
            JsonNode after = awaitDecision(engine.http(), "RULES-AFTER");
            assertEquals("JUSTIFIED", after.get("outcome").asText());
            assertEquals("2025.06-3", after.get("ruleSetVersion").asText());
            JsonNode before = awaitDecision(engine.http(), "RULES-BEFORE");
            assertEquals("NEEDS_REVIEW", before.get("outcome").asText(), "a stored decision never changes");
            assertEquals("2025.06-2", before.get("ruleSetVersion").asText());
        }
    }

    @Test
    void aBrokenRuleFileStopsTheEngineWithFileAndLine() {
        ConfDir conf = ConfDir.copyOfShipped(temp.resolve("conf"))
                .replace("justification/rules.yaml", "  minYears: 2", "  minYears: two");
        EngineSetup setup = EngineSetup.in(temp.resolve("data")).conf(conf);
        Engine engine = new Engine(setup.config(), Clock.systemUTC());

        IllegalStateException e = assertThrows(IllegalStateException.class, engine::start);

        Path rulesFile = conf.path().resolve("justification/rules.yaml");
        int line = lineOf(rulesFile, "minYears: two");
        assertTrue(e.getMessage().contains(rulesFile + ":" + line + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("followup.minYears: expected a whole number"), e.getMessage());
        assertThrows(IOException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", setup.hl7Port()), 500);
            }
        }, "no HL7 listener");
        engine.close();
    }

    @Test
    void aBrokenAppointmentsFileStopsTheEngineToo() {
        ConfDir conf = ConfDir.copyOfShipped(temp.resolve("conf"))
                .replace("appointments.yaml", "targetWeeksFromReferral: 6", "targetWeeksFromReferal: 6");
        Engine engine = new Engine(EngineSetup.in(temp.resolve("data")).conf(conf).config(), Clock.systemUTC());

        IllegalStateException e = assertThrows(IllegalStateException.class, engine::start);

        assertTrue(e.getMessage().contains("unknown key 'targetWeeksFromReferal'"), e.getMessage());
        assertTrue(e.getMessage().contains("missing required key 'targetWeeksFromReferral'"), e.getMessage());
        engine.close();
    }

    private static JsonNode awaitDecision(Http http, String placer) {
        return Await.until(placer + " decided", Duration.ofSeconds(20), () -> http.orders("placerOrderNumber=" + placer),
                a -> a.size() == 1 && !a.get(0).get("justification").isNull()).get(0).get("justification");
    }

    /** 1-based line of the first line containing {@code fragment} (the file's comments change; the key stays). */
    private static int lineOf(Path file, String fragment) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(fragment)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("'" + fragment + "' not in " + file);
    }
}
