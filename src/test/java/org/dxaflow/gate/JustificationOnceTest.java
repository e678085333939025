package org.dxaflow.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.dxaflow.app.Engine;
import org.dxaflow.hl7.MllpClient;
import org.dxaflow.orderbook.MessageApplier;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.FreePort;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.ReferralCase;
import org.dxaflow.testing.Samples;
import org.dxaflow.testing.TestEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queues deliver at least once, so both steps must be safe to repeat: a message the queue
 * redelivers after it was applied hands its new orders on again, and the gate decides an order
 * only once however often it is asked.
 */
class JustificationOnceTest {

    @TempDir
    static Path temp;

    static Engine engine;
    static int hl7Port;
    static Http http;

    @BeforeAll
    static void start() {
        hl7Port = FreePort.find();
        int httpPort = FreePort.find();
        engine = TestEngines.start(TestEngines.config(temp, hl7Port, httpPort));
        http = new Http(httpPort);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static <T> T bean(String name, Class<T> type) {
        return engine.camelContext().getRegistry().lookupByNameAndType(name, type);
    }

    @Test
    void aRedeliveredMessageHandsItsNewOrderOnAgain() {
        MessageApplier processor = bean("messageApplier", MessageApplier.class);
        String message = ReferralCase.number(39).toHl7("2.4", "ONCE-1", "ONCE-A");

        MessageApplier.Outcome first = processor.process(message, "intake-once-a", System.currentTimeMillis());
        MessageApplier.Outcome again = processor.process(message, "intake-once-a", System.currentTimeMillis());

        assertEquals("PROCESSED", first.outcome());
        assertEquals(1, first.ordersToJustify().size());
        assertEquals("REDELIVERED", again.outcome());
        assertEquals(first.ordersToJustify(), again.ordersToJustify());
    }

    @Test
    void anOrderIsDecidedOnceHoweverOftenTheGateIsAsked() throws IOException {
        try (MllpClient c = new MllpClient("127.0.0.1", hl7Port, 10_000)) {
            assertEquals("AA", Samples.field(c.send(ReferralCase.number(32).toHl7("2.4", "ONCE-2", "ONCE-B")),
                    "MSA", 1));
        }
        JsonNode order = Await.until("ONCE-B held", Duration.ofSeconds(20),
                () -> http.orders("placerOrderNumber=ONCE-B").get(0),
                o -> o.get("status").asText().equals("AWAITING_JUSTIFICATION"));

        String again = bean("autoJustification", AutoJustification.class).evaluate(order.get("id").asLong());

        assertEquals("ALREADY_DECIDED", again);
        JsonNode detail = http.get("/api/orders/" + order.get("id").asText()).json();
        assertEquals(1, detail.get("decisions").size());
        assertEquals(List.of("RECEIVED->AWAITING_JUSTIFICATION"), List.of(
                detail.get("statusHistory").get(0).get("from").asText() + "->"
                        + detail.get("statusHistory").get(0).get("to").asText()));
        assertEquals(1, detail.get("statusHistory").size());
        assertEquals("DISABLED", detail.get("statusHistory").get(0).get("risMessage").asText(),
                "dxaflow.ris.host is empty in the shipped conf: recorded, not sent");
    }
}
