package org.dxaflow.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.dxaflow.orderbook.MessageApplier;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.ReferralCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The queues deliver at least once, so both steps must be safe to repeat: a message the queue
 * redelivers after it was applied hands its new orders on again, and the gate decides an order
 * only once however often it is asked.
 */
class JustificationOnceTest {

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.shipped();
    static final Http http = engine.http();

    @Test
    void aRedeliveredMessageHandsItsNewOrderOnAgain() {
        MessageApplier processor = engine.bean("messageApplier", MessageApplier.class);
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
        engine.accept(ReferralCase.number(32).toHl7("2.4", "ONCE-2", "ONCE-B"));
        JsonNode order = Await.until("ONCE-B held", Duration.ofSeconds(20),
                () -> http.orders("placerOrderNumber=ONCE-B").get(0),
                o -> o.get("status").asText().equals("AWAITING_JUSTIFICATION"));

        String again = engine.bean("autoJustification", AutoJustification.class).evaluate(order.get("id").asLong());

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
