package org.dxaflow.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.ReferralCase;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Editing mappings/hl7/order.yaml under a running engine while orders keep arriving over MLLP: a
 * good edit is used for the messages after it and none is lost; a broken one is refused, the
 * previous mapping keeps reading, and health shows the failure with its file and line.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HotReloadTest {

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.shipped().andMappings(m -> m);
    static final Http http = engine.http();

    static final String SHIPPED = "procedureText: [\"OBR-4-2\"]";
    /** The procedure's text read from its code instead: visible on every order read after the edit. */
    static final String EDITED = "procedureText: [\"OBR-4-1\"]";
    static final String OLD_TEXT = "DXA scan lumbar spine and hip";

    /** One order sent while the mapping changes, and whether the new mapping was in use before it was sent. */
    record Sent(String placer, String ack, boolean afterReload) {
    }

    @Test
    @Order(1)
    void aGoodEditIsUsedForTheMessagesAfterItAndNoneIsLost() throws Exception {
        List<Sent> sent = sendWhile("HRA", () -> edit(SHIPPED, EDITED), () -> {
            ReloadEvent last = engine.engine().reloadStatus().last();
            return last != null && last.applied() && last.part().equals("hl7-mappings");
        });

        assertTrue(sent.stream().anyMatch(s -> !s.afterReload()), "traffic before the edit");
        assertTrue(sent.stream().filter(Sent::afterReload).count() >= 5, "traffic after the edit");
        for (Sent s : sent) {
            assertTrue(s.ack().contains("MSA|AA"), s.placer() + " answered " + s.ack());
            JsonNode order = stored(s.placer());
            if (s.afterReload()) {
                assertFalse(order.get("requestedProcedure").toString().contains(OLD_TEXT),
                        s.placer() + " read with the new mapping: " + order.get("requestedProcedure"));
            }
        }
        assertTrue(stored(sent.get(0).placer()).get("requestedProcedure").toString().contains(OLD_TEXT),
                "the first order, well before the edit, was read with the shipped mapping");
    }

    @Test
    @Order(2)
    void aBrokenEditKeepsThePreviousMappingAndHealthShowsWhere() throws Exception {
        String broken = "procedureText: [\"OBR-four\"]";
        List<Sent> sent = sendWhile("HRB", () -> edit(EDITED, broken),
                () -> engine.engine().reloadStatus().lastFailure() != null);

        Path orderYaml = engine.mappingsDir().resolve("hl7").resolve("order.yaml");
        int line = lineOf(orderYaml, "OBR-four");
        JsonNode reload = http.get("/api/health?detail=true").json().get("reload");
        assertNotNull(reload, "health has a reload part");
        assertEquals(false, reload.get("ok").asBoolean());
        assertEquals("hl7-mappings", reload.get("lastFailure").get("part").asText());
        String problem = reload.get("lastFailure").get("problems").get(0).asText();
        assertTrue(problem.startsWith(orderYaml + ":" + line + ":"), problem);
        // the refused edit is in the audit trail, with the same file:line
        boolean audited = false;
        for (JsonNode e : http.get("/api/audit?user=dxaflow").json()) {
            audited |= e.get("action").asText().equals("CONFIG_RELOAD") && e.get("outcome").asText().equals("FAILURE")
                    && e.get("detail").asText().contains(":" + line + ":");
        }
        assertTrue(audited, "refused reload audited");
        for (Sent s : sent) {
            assertTrue(s.ack().contains("MSA|AA"), s.placer() + " answered " + s.ack());
            // the mapping of the first test, still the one in use: the text is the code
            assertFalse(stored(s.placer()).get("requestedProcedure").toString().contains(OLD_TEXT), s.placer());
        }

        edit(broken, SHIPPED);
        Await.until("the fixed file reloaded", Duration.ofSeconds(10), () -> http.get("/api/health?detail=true").json(),
                h -> h.get("reload").get("ok").asBoolean());
    }

    /**
     * Sends orders on one connection in a loop from another thread, applies {@code edit} after the
     * first few, waits for {@code reloaded}, then lets some more go before stopping.
     */
    private static List<Sent> sendWhile(String prefix, Runnable edit, java.util.function.BooleanSupplier reloaded)
            throws Exception {
        List<Sent> sent = new CopyOnWriteArrayList<>();
        AtomicBoolean after = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread sender = new Thread(() -> {
            try (var client = engine.mllp()) {
                for (int i = 0; !stop.get(); i++) {
                    boolean afterReload = after.get();
                    String placer = prefix + "-" + i;
                    sent.add(new Sent(placer, client.send(ReferralCase.number(32).toHl7("2.4", placer, placer)),
                            afterReload));
                }
            } catch (IOException | RuntimeException e) {
                failures.add(e);
            }
        }, "hot-reload-test-sender");
        sender.start();
        Await.until("traffic before the edit", Duration.ofSeconds(20), sent::size, n -> n >= 5);
        edit.run();
        Await.until("the reload", Duration.ofSeconds(10), reloaded::getAsBoolean, r -> r);
        after.set(true);
        int atReload = sent.size();
        Await.until("traffic after the edit", Duration.ofSeconds(20), sent::size, n -> n >= atReload + 10);
        stop.set(true);
        sender.join(10_000);
        assertEquals(List.of(), failures);
        return new ArrayList<>(sent);
    }

    private static JsonNode stored(String placer) {
        return Await.until(placer + " stored", Duration.ofSeconds(20),
                () -> http.orders("placerOrderNumber=" + placer), o -> o.size() == 1).get(0);
    }

    private static void edit(String from, String to) {
        Path file = engine.mappingsDir().resolve("hl7").resolve("order.yaml");
        try {
            String text = Files.readString(file);
            assertEquals(1, text.split(java.util.regex.Pattern.quote(from), -1).length - 1, from);
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }
}
