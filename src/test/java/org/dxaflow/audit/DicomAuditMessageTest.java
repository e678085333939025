package org.dxaflow.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Which PS3.15 A.5.3 event each recorded action is, and a message that stays valid whatever the event holds. */
class DicomAuditMessageTest {

    static final Instant AT = Instant.parse("2026-03-04T10:15:30Z");
    final DicomAuditMessage messages = new DicomAuditMessage("DXAFLOW", "dxa.example.nhs.uk", "4242");

    @ParameterizedTest(name = "{0} {1} {3} -> {4} {5} {6}")
    @CsvSource({
            "LOGIN,,,FAILURE,110114,E,4",
            "LOGIN,,,DENIED,110114,E,4",
            "orders,,,SUCCESS,110112,E,0",
            "deliveries,,,SUCCESS,110112,E,0",
            "order,ORDER,7,SUCCESS,110109,R,0",
            "justification-decide,ORDER,7,SUCCESS,110109,U,0",
            "report-pdf,REPORT,3,SUCCESS,110110,R,0",
            "report-verify,REPORT,3,FAILURE,110110,U,4",
            "message,MESSAGE,9,SUCCESS,110110,R,0",
            "delivery-resend,DELIVERY,5,SUCCESS,110110,U,0",
            "audit,,,SUCCESS,110101,R,0",
            "CONFIG_RELOAD,FILE,routes/api.camel.yaml,FAILURE,110113,E,4",
            "densitometry-compute,,,SUCCESS,110100,E,0",
            "HL7_REFUSED,MESSAGE,12,FAILURE,110107,C,4",
    })
    void eachActionIsItsDicomEvent(String action, String type, String id, String outcome, String eventId,
                                   String actionCode, String indicator) {
        AuditEvent e = new AuditEvent(AT, "u", "", "10.0.0.1", action, type, id, null, outcome, "x");
        Document xml = SyslogFrames.xml(messages.xml(e));
        Element event = SyslogFrames.first(xml.getDocumentElement(), "EventIdentification");
        assertEquals(eventId, SyslogFrames.first(event, "EventID").getAttribute("csd-code"));
        assertEquals(actionCode, event.getAttribute("EventActionCode"));
        assertEquals(indicator, event.getAttribute("EventOutcomeIndicator"));
    }

    @Test
    void anEngineFailureIsASeriousFailure() {
        AuditEvent e = new AuditEvent(AT, "u", "", "10.0.0.1", "report", "REPORT", "1", 5L, AuditEvent.FAILURE,
                "HTTP 500");
        assertEquals("8", DicomAuditMessage.outcome(e));
        assertEquals(3, SyslogFrame.severity("8"), "error");
    }

    @Test
    void whateverAUserTypesTheMessageStaysValidXml() {
        AuditEvent e = new AuditEvent(AT, "<x&\"y\u0001>", "a,b", "fe80::1", "LOGIN", null, null, null,
                AuditEvent.FAILURE, "line\nbreak & <tag> " + "z".repeat(500));
        String text = messages.xml(e);
        Document xml = SyslogFrames.xml(text);
        Element user = SyslogFrames.all(xml.getDocumentElement(), "ActiveParticipant").get(0);
        assertEquals("<x&\"y>", user.getAttribute("UserID"), "escaped, the control character dropped");
        assertEquals("2", user.getAttribute("NetworkAccessPointTypeCode"), "an IPv6 address");
        assertEquals(2, SyslogFrames.all(user, "RoleIDCode").size(), "one per role");
        String description = SyslogFrames.first(SyslogFrames.first(xml.getDocumentElement(), "EventIdentification"),
                "EventOutcomeDescription").getTextContent();
        assertTrue(description.length() <= 200, "kept short for a UDP datagram: " + description.length());
        assertFalse(text.contains("\n"), "one line");
    }

    @Test
    void aQueryNamesTheEndpointNotItsParameters() {
        AuditEvent e = new AuditEvent(AT, "operator", "operator", "10.0.0.1", "orders", null, null, null,
                AuditEvent.SUCCESS, "HTTP 200");
        Element query = SyslogFrames.first(SyslogFrames.xml(messages.xml(e)).getDocumentElement(),
                "ParticipantObjectIdentification");
        assertEquals("orders", query.getAttribute("ParticipantObjectID"));
        assertEquals("24", query.getAttribute("ParticipantObjectTypeCodeRole"), "Query");
    }
}
