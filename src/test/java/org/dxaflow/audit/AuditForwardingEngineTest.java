package org.dxaflow.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;

/**
 * The running engine forwards its audit trail to the syslog server configured from the
 * environment: a failed login and a view of an order arrive as DICOM audit messages, the order's
 * patient named by row id only.
 */
class AuditForwardingEngineTest {

    // before the engine: its port goes into the engine's environment
    static final SyslogFrames.UdpCollector syslog = new SyslogFrames.UdpCollector();

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.shipped().andEnv(Map.of(
            "DXAFLOW_AUDIT_SYSLOG_HOST", "127.0.0.1",
            "DXAFLOW_AUDIT_SYSLOG_PORT", Integer.toString(syslog.port()),
            "DXAFLOW_AUDIT_SOURCE_ID", "DXAFLOW_TEST_SITE"));
    static final Http http = engine.http();

    @AfterAll
    static void stopListening() {
        syslog.close();
    }

    static List<SyslogFrames.Frame> awaitFrame(String what, java.util.function.Predicate<SyslogFrames.Frame> match) {
        return Await.until(what, Duration.ofSeconds(20),
                () -> syslog.frames().stream().filter(match).toList(), found -> !found.isEmpty());
    }

    @Test
    void aFailedLoginArrives() {
        assertEquals(401, http.as("reporter", "wrong").get("/api/orders").status());
        SyslogFrames.Frame login = awaitFrame("the failed login at the syslog server",
                f -> f.eventId().equals("110114") && f.requestor().getAttribute("UserID").equals("reporter")).get(0);
        assertEquals("4", login.outcome());
        assertEquals(84, login.pri());
        assertEquals("DXAFLOW_TEST_SITE", SyslogFrames.first(login.xml().getDocumentElement(),
                "AuditSourceIdentification").getAttribute("AuditSourceID"));
    }

    @Test
    void aViewOfAnOrderArrivesWithItsPatientAsARowIdOnly() throws Exception {
        engine.accept(Samples.hl7("03-omg-o19-v251-new-order.hl7"));
        long orderId = Await.until("order stored", Duration.ofSeconds(20),
                () -> http.orders("accessionNumber=ACC100003"), a -> a.size() == 1).get(0).get("id").asLong();
        assertEquals(200, http.as("operator").get("/api/orders/" + orderId).status());

        SyslogFrames.Frame view = awaitFrame("the view of the order at the syslog server",
                f -> f.eventId().equals("110109") && f.requestor().getAttribute("UserID").equals("operator")
                        && f.objects().stream().anyMatch(o -> o.getAttribute("ParticipantObjectID")
                        .equals(Long.toString(orderId)))).get(0);
        assertEquals("0", view.outcome());
        assertEquals("R", view.eventIdentification().getAttribute("EventActionCode"));

        JsonNode recorded = Await.until("the view in the audit table", Duration.ofSeconds(10),
                () -> http.get("/api/audit?user=operator").json(), a -> a.size() > 0);
        String patientRowId = null;
        for (JsonNode e : recorded) {
            if (e.path("action").asText().equals("order") && e.path("resourceId").asText().equals(Long.toString(orderId))) {
                patientRowId = e.path("patientId").asText();
            }
        }
        Element patient = view.objects().stream()
                .filter(o -> o.getAttribute("ParticipantObjectTypeCodeRole").equals("1")).findFirst().orElseThrow();
        assertEquals(patientRowId, patient.getAttribute("ParticipantObjectID"), "the patient's row id");
        assertEquals("1", patient.getAttribute("ParticipantObjectTypeCode"));
        for (byte[] datagram : syslog.received()) {
            String text = new String(datagram, StandardCharsets.UTF_8);
            for (String patientData : new String[] {"HOLDEN", "SUSAN", "RX1000003", "9990000034", "19620121"}) {
                assertFalse(text.contains(patientData), "no patient data on the wire: " + text);
            }
        }
    }
}
