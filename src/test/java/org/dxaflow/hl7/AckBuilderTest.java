package org.dxaflow.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** ACKs are checked by parsing them with HAPI, an independent HL7 implementation. */
class AckBuilderTest {

    private final AckBuilder acks = new AckBuilder("DXAFLOW", "DXA",
            Clock.fixed(Instant.parse("2026-11-28T10:15:30Z"), ZoneOffset.UTC));

    private static MessageHeader header(String version, String trigger) {
        return new MessageHeader("CRIS", "RXA", "DXAFLOW", "DXA", "ORM", trigger, "", "CTRL-1", "P", version);
    }

    private static Terser parse(String ack) throws Exception {
        Message m = new DefaultHapiContext().getPipeParser().parse(ack);
        return new Terser(m);
    }

    @Test
    void acceptAnswersInTheMessagesVersionToItsSender() throws Exception {
        Terser t = parse(acks.accept(header("2.4", "O01")));
        assertEquals("AA", t.get("/MSA-1"));
        assertEquals("CTRL-1", t.get("/MSA-2"));
        assertEquals("ACK", t.get("/MSH-9-1"));
        assertEquals("O01", t.get("/MSH-9-2"));
        assertEquals("2.4", t.get("/MSH-12"));
        assertEquals("CRIS", t.get("/MSH-5"));
        assertEquals("RXA", t.get("/MSH-6"));
        assertEquals("20261128101530", t.get("/MSH-7"));
    }

    @Test
    void errorInV25CarriesLocationCodeSeverityAndUserMessage() throws Exception {
        IntakeError e = IntakeError.error(IntakeError.REQUIRED_FIELD_MISSING, "PID^1^3", "PID-3 is empty | really");
        Terser t = parse(acks.error(header("2.5.1", "O19"), e));
        assertEquals("AE", t.get("/MSA-1"));
        assertEquals("PID", t.get("/ERR-2-1"));
        assertEquals("1", t.get("/ERR-2-2"));
        assertEquals("3", t.get("/ERR-2-3"));
        assertEquals("101", t.get("/ERR-3-1"));
        assertEquals("HL70357", t.get("/ERR-3-3"));
        assertEquals("E", t.get("/ERR-4"));
        // The pipe in the text was escaped, so HAPI reads it back intact.
        assertEquals("PID-3 is empty | really", t.get("/ERR-8"));
    }

    @Test
    void errorInV23AlsoFillsErrOne() throws Exception {
        IntakeError e = IntakeError.reject(IntakeError.UNSUPPORTED_EVENT_CODE, "MSH^1^9", "not accepted");
        Terser t = parse(acks.error(header("2.3", "O02"), e));
        assertEquals("AR", t.get("/MSA-1"));
        assertEquals("MSH", t.get("/ERR-1-1"));
        assertEquals("9", t.get("/ERR-1-3"));
        assertEquals("201", t.get("/ERR-1-4-1"));
    }

    @Test
    void everyAckHasItsOwnControlId() throws Exception {
        String a = parse(acks.accept(header("2.4", "O01"))).get("/MSH-10");
        String b = parse(acks.accept(header("2.4", "O01"))).get("/MSH-10");
        assertFalse(a.isEmpty());
        assertNotEquals(a, b);
    }
}
