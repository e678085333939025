package org.dxaflow.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.FreePort;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The syslog copy of the audit trail on the wire: RFC 5424 frames over UDP and TCP (octet
 * counting) carrying DICOM audit messages that validate against the PS3.15 A.5.1 structure, and
 * a queue that drops the oldest rather than ever holding up the request being audited.
 */
class SyslogForwarderTest {

    static final Instant AT = Instant.parse("2026-03-04T10:15:30.123456Z");
    static final Clock CLOCK = Clock.fixed(AT, ZoneOffset.UTC);

    static AuditEvent viewOfAnOrder(String orderId) {
        return new AuditEvent(AT, "reporter", "reporter", "10.1.2.3", "order", "ORDER", orderId, 42L,
                AuditEvent.SUCCESS, "HTTP 200");
    }

    static AuditEvent failedLogin() {
        return new AuditEvent(AT, "reporter", "", "192.168.7.9", "LOGIN", null, null, null, AuditEvent.FAILURE,
                "wrong password");
    }

    static SyslogForwarder.Settings settings(int port, String protocol, int capacity) {
        return new SyslogForwarder.Settings("127.0.0.1", port, protocol, "DXA_TEST", capacity);
    }

    @Test
    void aViewOfAnOrderArrivesOverUdpAsAnRfc5424FrameWithADicomAuditMessage() {
        try (SyslogFrames.UdpCollector syslog = new SyslogFrames.UdpCollector();
             SyslogForwarder forwarder = SyslogForwarder.start(settings(syslog.port(), "udp", 100), CLOCK)) {
            forwarder.forward(viewOfAnOrder("17"));
            Await.until("the datagram", Duration.ofSeconds(10), syslog::received, r -> !r.isEmpty());
            SyslogFrames.Frame f = SyslogFrames.parse(syslog.received().get(0));

            assertEquals(85, f.pri(), "authpriv (10) * 8 + notice (5) for a success");
            assertEquals(10, f.facility());
            assertEquals("1", f.version());
            assertEquals("2026-03-04T10:15:30.123Z", f.timestamp(), "the event's time, UTC, milliseconds");
            assertFalse(f.host().isEmpty());
            assertEquals("dxaflow", f.app());
            assertEquals(Long.toString(ProcessHandle.current().pid()), f.procId());
            assertEquals("DICOM+RFC3881", f.msgId());
            assertEquals("-", f.structuredData());
            assertTrue(f.msg().startsWith("<?xml"), "no BOM before the XML: " + f.msg());

            Element event = f.eventIdentification();
            assertEquals("110109", f.eventId(), "Order Record");
            assertEquals("DCM", SyslogFrames.first(event, "EventID").getAttribute("codeSystemName"));
            assertEquals("R", event.getAttribute("EventActionCode"));
            assertEquals("0", f.outcome());
            assertEquals("2026-03-04T10:15:30.123Z", event.getAttribute("EventDateTime"));

            Element user = f.requestor();
            assertEquals("reporter", user.getAttribute("UserID"));
            assertEquals("10.1.2.3", user.getAttribute("NetworkAccessPointID"));
            assertEquals("2", user.getAttribute("NetworkAccessPointTypeCode"), "an IP address");
            assertEquals("reporter", SyslogFrames.first(user, "RoleIDCode").getAttribute("csd-code"));
            assertEquals("DXA_TEST", SyslogFrames.first(f.xml().getDocumentElement(), "AuditSourceIdentification")
                    .getAttribute("AuditSourceID"));

            List<Element> objects = f.objects();
            assertEquals(2, objects.size(), f.msg());
            Element patient = objects.get(0);
            assertEquals("42", patient.getAttribute("ParticipantObjectID"), "the patient's row id, nothing else");
            assertEquals("1", patient.getAttribute("ParticipantObjectTypeCode"), "a person");
            assertEquals("1", patient.getAttribute("ParticipantObjectTypeCodeRole"), "the patient");
            Element idType = SyslogFrames.first(patient, "ParticipantObjectIDTypeCode");
            assertEquals("2", idType.getAttribute("csd-code"));
            assertEquals("RFC-3881", idType.getAttribute("codeSystemName"));
            assertEquals("Patient Number", idType.getAttribute("originalText"));
            assertEquals(3, patient.getAttributes().getLength(), "ID, type code and role only");
            Element order = objects.get(1);
            assertEquals("17", order.getAttribute("ParticipantObjectID"));
            assertEquals("ORDER", SyslogFrames.first(order, "ParticipantObjectIDTypeCode").getAttribute("csd-code"));
        }
    }

    @Test
    void failedLoginsArriveOverTcpOctetCountedOneFramePerEvent() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             SyslogForwarder forwarder = SyslogForwarder.start(settings(server.getLocalPort(), "tcp", 100), CLOCK)) {
            server.setSoTimeout(10_000);
            forwarder.forward(failedLogin());
            forwarder.forward(viewOfAnOrder("18"));
            try (Socket peer = server.accept()) {
                peer.setSoTimeout(10_000);
                DataInputStream in = new DataInputStream(peer.getInputStream());
                SyslogFrames.Frame login = SyslogFrames.parse(octetCounted(in));
                SyslogFrames.Frame view = SyslogFrames.parse(octetCounted(in));

                assertEquals(84, login.pri(), "authpriv (10) * 8 + warning (4) for a failure");
                assertEquals("110114", login.eventId(), "User Authentication");
                Element type = SyslogFrames.first(login.eventIdentification(), "EventTypeCode");
                assertEquals("110122", type.getAttribute("csd-code"), "Login");
                assertEquals("E", login.eventIdentification().getAttribute("EventActionCode"));
                assertEquals("4", login.outcome(), "minor failure");
                assertEquals("wrong password", SyslogFrames.first(login.eventIdentification(),
                        "EventOutcomeDescription").getTextContent());
                assertEquals("reporter", login.requestor().getAttribute("UserID"));
                assertEquals("192.168.7.9", login.requestor().getAttribute("NetworkAccessPointID"));
                assertTrue(login.objects().isEmpty(), "a login concerns no patient");

                assertEquals("110109", view.eventId(), "the second frame is the second event, framing intact");
            }
        }
    }

    /** RFC 6587 3.4.1: MSG-LEN SP SYSLOG-MSG. */
    static byte[] octetCounted(DataInputStream in) throws IOException {
        ByteArrayOutputStream digits = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != ' ') {
            assertTrue(b >= '0' && b <= '9', "MSG-LEN is digits then a space, got byte " + b);
            digits.write(b);
        }
        byte[] frame = new byte[Integer.parseInt(digits.toString())];
        in.readFully(frame);
        return frame;
    }

    /** A transport stuck on its first message until released: a syslog server that stopped reading. */
    static final class StuckTransport implements SyslogTransport {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> sent = new CopyOnWriteArrayList<>();

        @Override
        public void send(byte[] message) throws IOException {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Element order = SyslogFrames.parse(message).objects().stream()
                    .filter(o -> o.getAttribute("ParticipantObjectTypeCode").equals("2")).findFirst().orElseThrow();
            sent.add(order.getAttribute("ParticipantObjectID"));
        }

        @Override
        public void close() {
            release.countDown();
        }
    }

    @Test
    void aFullQueueDropsTheOldestAndNeverBlocksTheCaller() throws Exception {
        StuckTransport stuck = new StuckTransport();
        try (SyslogForwarder forwarder = new SyslogForwarder(settings(514, "udp", 3), CLOCK, stuck)) {
            forwarder.forward(viewOfAnOrder("0"));
            assertTrue(stuck.entered.await(10, TimeUnit.SECONDS), "the sender took the first event");
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                for (int i = 1; i <= 6; i++) {
                    forwarder.forward(viewOfAnOrder(Integer.toString(i)));
                }
            }, "forward returns at once while the server is stuck");
            assertEquals(3, forwarder.dropped(), "events 1, 2 and 3 made room for 4, 5 and 6");
            stuck.release.countDown();
            Await.until("the queue sent", Duration.ofSeconds(10), forwarder::sent, n -> n == 4);
            assertEquals(List.of("0", "4", "5", "6"), stuck.sent);
        }
    }

    @Test
    void aDownServerLosesTheCopyAndTheCallerNeverNotices() {
        int nobody = FreePort.find();
        try (SyslogForwarder forwarder = SyslogForwarder.start(settings(nobody, "tcp", 100), CLOCK)) {
            assertTimeoutPreemptively(Duration.ofSeconds(1), () -> forwarder.forward(failedLogin()));
            Await.until("the failed send counted", Duration.ofSeconds(10), forwarder::lost, n -> n == 1);
            assertEquals(0, forwarder.sent());
        }
    }

    @Test
    void withoutAHostNothingIsForwardedAndNoThreadIsHeld() {
        Map<String, String> conf = Map.of("dxaflow.dicom.aet", "BONES");
        SyslogForwarder.Settings s = SyslogForwarder.Settings.from((k, fallback) -> conf.getOrDefault(k, fallback));
        assertFalse(s.enabled());
        assertEquals("BONES", s.sourceId(), "the AE title when no source id is set");
        assertEquals(514, s.port());
        assertEquals("udp", s.protocol());
        try (SyslogForwarder off = SyslogForwarder.start(s, CLOCK)) {
            assertFalse(off.enabled());
            off.forward(failedLogin());
            assertEquals(0, off.sent() + off.lost() + off.dropped());
        }
        IllegalStateException tls = assertThrows(IllegalStateException.class, () -> SyslogForwarder.Settings.from(
                (k, fallback) -> k.equals(SyslogForwarder.PROTOCOL) ? "tls" : fallback));
        assertTrue(tls.getMessage().contains("udp or tcp"), tls.getMessage());
    }
}
