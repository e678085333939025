package org.dxaflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.dxaflow.hl7.MllpClient;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The intake route end to end over real sockets: MLLP in, embedded Artemis journal, H2 file
 * database, REST out. Each test uses its own placer order numbers so they can share one engine.
 * New orders go on through the justification gate; the statuses awaited are the gate's outcome
 * for each sample with the shipped rules (01, 03, 04, 10: criteria met, SCHEDULED; 02: a man of
 * 68 on steroids, held for a practitioner, AWAITING_JUSTIFICATION).
 */
class Hl7IntakeIntegrationTest {

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.shipped();
    static final int hl7Port = engine.hl7Port();
    static final Http http = engine.http();

    static String send(String message) throws IOException {
        return engine.send(message);
    }

    static String msa(String ack, int field) {
        return Samples.field(ack, "MSA", field);
    }

    static JsonNode awaitOrder(String placer, String status) {
        return Await.until("order " + placer + " " + status, Duration.ofSeconds(15),
                () -> http.orders("placerOrderNumber=" + placer),
                a -> a.size() == 1 && a.get(0).get("status").asText().equals(status)).get(0);
    }

    static String sample(String name, String placer, String controlId) {
        String original = Samples.field(Samples.hl7(name), "ORC", 2).split("\\^")[0];
        return Samples.withControlId(Samples.hl7(name).replace(original, placer), controlId);
    }

    @Test
    void ormV23OrderIsAcceptedAndListed() throws IOException {
        String ack = send(sample("01-orm-o01-v23-new-order.hl7", "T-ORM23", "T-C1"));
        assertEquals("AA", msa(ack, 1));
        assertEquals("T-C1", msa(ack, 2));
        JsonNode order = awaitOrder("T-ORM23", "SCHEDULED");
        assertEquals("ACC100001", order.get("accessionNumber").asText());
        assertEquals("RX1000001", order.get("patientId").asText());
        assertEquals("HOLT, MARGARET ANNE", order.get("patientName").asText());
        assertEquals("9990000018", order.get("patient").get("nhsNumber").asText());
    }

    @Test
    void omgV251OrderIsAcceptedAndListed() throws IOException {
        assertEquals("AA", msa(send(sample("03-omg-o19-v251-new-order.hl7", "T-OMG251", "T-C2")), 1));
        JsonNode order = awaitOrder("T-OMG251", "SCHEDULED");
        assertEquals("20261212", order.get("requestedDate").asText());
        assertEquals("2.5.1", order.get("hl7Version").asText());
    }

    @Test
    void unsupportedTypeIsRejectedWithErr() throws IOException {
        String ack = send(Samples.hl7("invalid/unsupported-type-dft-v24.hl7"));
        assertEquals("AR", msa(ack, 1));
        assertEquals("200^Unsupported message type^HL70357", Samples.field(ack, "ERR", 3));
    }

    @Test
    void resultsInAVersionBefore23AreRejected() throws IOException {
        // ORU^R01 is accepted from v2.3 (results step); v2.2 is refused as an unsupported version
        String ack = send(Samples.hl7("invalid/unsupported-version-oru-v22.hl7"));
        assertEquals("AR", msa(ack, 1));
        assertTrue(Samples.field(ack, "ERR", 3).startsWith("203^"), ack);
    }

    @Test
    void supportedTypeInUnsupportedVersionIsRejected() throws IOException {
        String omgAs23 = Samples.hl7("03-omg-o19-v251-new-order.hl7").replace("|P|2.5.1", "|P|2.3");
        String ack = send(omgAs23);
        assertEquals("AR", msa(ack, 1));
        assertTrue(Samples.field(ack, "ERR", 3).startsWith("203^"), ack);
    }

    @Test
    void orderWithoutPid3GetsAeNamingTheFieldAndIsRecorded() throws IOException {
        String ack = send(Samples.withControlId(Samples.hl7("invalid/missing-pid-3.hl7"), "T-NOPID"));
        assertEquals("AE", msa(ack, 1));
        assertEquals("PID^1^3", Samples.field(ack, "ERR", 2));
        assertTrue(Samples.field(ack, "ERR", 3).startsWith("101^"));
        assertTrue(Samples.field(ack, "ERR", 8).contains("PID-3"));
        JsonNode rejected = http.get("/api/messages?status=REJECTED").json();
        boolean found = false;
        for (JsonNode m : rejected) {
            found |= m.get("controlId").asText().equals("T-NOPID") && m.get("ackCode").asText().equals("AE");
        }
        assertTrue(found, "rejected message recorded: " + rejected);
        assertTrue(http.orders("placerOrderNumber=ORD900002").isEmpty());
    }

    @Test
    void messageListsAreSummariesInPagesAndTheTextComesFromOneMessage() throws IOException {
        // before: /api/messages returned every message's raw text (210 MB for limit=10 of 50 MB orders)
        send(Samples.withControlId(Samples.hl7("invalid/missing-pid-3.hl7"), "T-PAGE1"));
        send(Samples.withControlId(Samples.hl7("invalid/missing-pid-3.hl7"), "T-PAGE2"));
        JsonNode page = http.get("/api/messages?limit=1").json();
        assertEquals(1, page.size());
        assertFalse(page.get(0).has("raw"), page.toString());
        long newest = page.get(0).get("id").asLong();
        JsonNode next = http.get("/api/messages?limit=1&before=" + newest).json();
        assertTrue(next.get(0).get("id").asLong() < newest, next.toString());
        JsonNode one = http.get("/api/messages/" + newest).json();
        assertTrue(one.get("raw").asText().startsWith("MSH|"), one.toString());
        assertEquals(400, http.get("/api/messages?limit=100000").status());
        assertEquals(404, http.get("/api/messages/999999999").status());
    }

    @Test
    void invalidNhsNumberIsAnApplicationError() throws IOException {
        String ack = send(Samples.hl7("invalid/invalid-nhs-number.hl7"));
        assertEquals("AE", msa(ack, 1));
        assertTrue(Samples.field(ack, "ERR", 3).startsWith("102^"));
    }

    @Test
    void unknownOrderControlAndMissingPlacerNumberAreErrors() throws IOException {
        String unknown = send(Samples.hl7("invalid/unknown-order-control.hl7"));
        assertEquals("AE", msa(unknown, 1));
        assertEquals("ORC^1^1", Samples.field(unknown, "ERR", 2));
        String noPlacer = send(Samples.hl7("invalid/no-placer-order-number.hl7"));
        assertEquals("AE", msa(noPlacer, 1));
        assertEquals("ORC^1^2", Samples.field(noPlacer, "ERR", 2));
        assertEquals("AE", msa(send(Samples.hl7("invalid/no-obr.hl7")), 1));
    }

    @Test
    void randomBytesDoNotStopTheListener() throws IOException {
        Random random = new Random(20261128);
        for (int i = 0; i < 20; i++) {
            byte[] junk = new byte[1 + random.nextInt(4096)];
            random.nextBytes(junk);
            try (MllpClient c = engine.mllp(2_000)) {
                if (i % 2 == 0) {
                    c.writeUnframed(junk);
                } else {
                    // Framed, but no MSH: the listener closes the connection instead of answering.
                    c.sendRaw(junk);
                    assertThrows(IOException.class, c::readFrame);
                }
            } catch (IOException expectedSometimes) {
                // the listener may reset the connection under us; that is its right
            }
        }
        try (MllpClient c = engine.mllp(2_000)) {
            c.sendRaw("not an hl7 message".getBytes(StandardCharsets.US_ASCII));
            assertThrows(IOException.class, c::readFrame, "no MSH: connection closed, no ACK");
        }
        assertEquals("AA", msa(send(sample("02-orm-o01-v24-new-order-male.hl7", "T-AFTERJUNK", "T-C3")), 1));
        awaitOrder("T-AFTERJUNK", "AWAITING_JUSTIFICATION");
    }

    @Test
    void resendWithSameControlIdIsAcknowledgedAgainButAppliedOnce() throws IOException {
        String msg = sample("04-omg-o19-v25-new-order.hl7", "T-RESEND", "T-C4");
        assertEquals("AA", msa(send(msg), 1));
        assertEquals("AA", msa(send(msg), 1));
        Await.until("duplicate recorded", Duration.ofSeconds(15), () -> http.get("/api/messages?status=DUPLICATE").json(),
                list -> {
                    for (JsonNode m : list) {
                        if (m.get("controlId").asText().equals("T-C4")) {
                            return true;
                        }
                    }
                    return false;
                });
        assertEquals(1, http.orders("placerOrderNumber=T-RESEND").size());
    }

    @Test
    void newOrderResentUnderANewControlIdNeverMakesASecondOrder() throws IOException {
        assertEquals("AA", msa(send(sample("01-orm-o01-v23-new-order.hl7", "T-NWTWICE", "T-C5a")), 1));
        assertEquals("AA", msa(send(sample("01-orm-o01-v23-new-order.hl7", "T-NWTWICE", "T-C5b")), 1));
        JsonNode order = awaitOrder("T-NWTWICE", "SCHEDULED");
        JsonNode detail = Await.until("both messages in history", Duration.ofSeconds(15),
                () -> http.get("/api/orders/" + order.get("id").asText()).json(),
                d -> d.get("messages").size() == 2);
        assertEquals("CREATED", detail.get("messages").get(0).get("action").asText());
        assertEquals("NEW_ORDER_RESENT", detail.get("messages").get(1).get("action").asText());
        assertEquals(1, http.orders("placerOrderNumber=T-NWTWICE").size());
    }

    @Test
    void cancelCancels() throws IOException {
        send(sample("01-orm-o01-v23-new-order.hl7", "T-CANCEL", "T-C6a"));
        awaitOrder("T-CANCEL", "SCHEDULED");
        assertEquals("AA", msa(send(sample("05-orm-o01-v23-cancel.hl7", "T-CANCEL", "T-C6b")), 1));
        awaitOrder("T-CANCEL", "CANCELLED");
    }

    @Test
    void cancelOfAnUnknownOrderIsRecordedAsAnError() throws IOException {
        assertEquals("AA", msa(send(sample("05-orm-o01-v23-cancel.hl7", "T-NOSUCH", "T-C7")), 1));
        JsonNode errors = Await.until("error recorded", Duration.ofSeconds(15),
                () -> http.get("/api/messages?status=ERROR").json(), list -> {
                    for (JsonNode m : list) {
                        if (m.get("controlId").asText().equals("T-C7")) {
                            return true;
                        }
                    }
                    return false;
                });
        assertTrue(errors.toString().contains("No order with placer order number T-NOSUCH"));
    }

    @Test
    void changeOrderUpdatesTheProcedure() throws IOException {
        send(sample("03-omg-o19-v251-new-order.hl7", "T-XO", "T-C8a"));
        awaitOrder("T-XO", "SCHEDULED");
        send(sample("06-omg-o19-v251-change.hl7", "T-XO", "T-C8b"));
        Await.until("procedure changed", Duration.ofSeconds(15), () -> http.orders("placerOrderNumber=T-XO").get(0),
                o -> o.get("requestedProcedure").get("code").asText().equals("XDXAF")
                        && o.get("requestedDate").asText().equals("20261219"));
    }

    @Test
    void adtUpdateChangesTheNameOnOpenOrders() throws IOException {
        String order = sample("02-orm-o01-v24-new-order-male.hl7", "T-ADT", "T-C9a")
                .replace("RX1000002", "RX7000001").replace("9990000026", "9990000069");
        send(order);
        awaitOrder("T-ADT", "AWAITING_JUSTIFICATION");
        String a08 = Samples.withControlId(Samples.hl7("07-adt-a08-v24-update-patient.hl7"), "T-C9b")
                .replace("RX1000002", "RX7000001").replace("9990000026", "9990000069");
        assertEquals("AA", msa(send(a08), 1));
        Await.until("name updated", Duration.ofSeconds(15), () -> http.orders("placerOrderNumber=T-ADT").get(0),
                o -> o.get("patientName").asText().equals("HOLLIS, GEORGE WILLIAM"));
    }

    @Test
    void mergeMovesOrdersToTheSurvivingPatient() throws IOException {
        String onDuplicate = sample("10-omg-o19-v251-order-for-duplicate-record.hl7", "T-MERGE", "T-C10a")
                .replace("RX1000009", "RX8000009");
        send(onDuplicate);
        assertEquals("RX8000009", awaitOrder("T-MERGE", "SCHEDULED").get("patientId").asText());
        String merge = Samples.withControlId(Samples.hl7("11-adt-a40-v24-merge.hl7"), "T-C10b")
                .replace("RX1000009", "RX8000009").replace("RX1000004", "RX8000004")
                .replace("9990000042", "9990000077");
        assertEquals("AA", msa(send(merge), 1));
        JsonNode moved = Await.until("order moved", Duration.ofSeconds(15),
                () -> http.orders("placerOrderNumber=T-MERGE").get(0),
                o -> o.get("patientId").asText().equals("RX8000004"));
        assertEquals("9990000077", moved.get("patient").get("nhsNumber").asText());
        assertEquals(1, http.orders("patientId=RX8000004").size());
        assertEquals(0, http.orders("patientId=RX8000009").size());
    }

    @Test
    void unknownOrderIsA404AndBadFiltersA400() {
        assertEquals(404, http.get("/api/orders/987654321").status());
        assertEquals(400, http.get("/api/orders/abc").status());
        Http.Reply bad = http.get("/api/orders?status=SHIPPED");
        assertEquals(400, bad.status());
        assertTrue(bad.json().get("error").asText().contains("status"));
    }

    @Test
    void patientDataNeverReachesTheLogs() throws IOException {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger)
                org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> captured =
                new ch.qos.logback.core.read.ListAppender<>();
        captured.start();
        root.addAppender(captured);
        try {
            String marked = sample("01-orm-o01-v23-new-order.hl7", "T-PHI", "T-PHI1")
                    .replace("HOLT^MARGARET", "ZEBEDEE^QUINTILLA");
            assertEquals("AA", msa(send(marked), 1));
            awaitOrder("T-PHI", "SCHEDULED");
            assertEquals("AE", msa(send(Samples.withControlId(marked, "T-PHI2").replace("9990000018", "9990000019")), 1));
            try (MllpClient c = engine.mllp(2_000)) {
                c.sendRaw(("GARBAGE" + marked).getBytes(StandardCharsets.ISO_8859_1));
                assertThrows(IOException.class, c::readFrame);
            }
            try (MllpClient c = engine.mllp(2_000)) {
                c.writeUnframed(marked.getBytes(StandardCharsets.ISO_8859_1));
            }
            assertEquals("AA", msa(send(sample("02-orm-o01-v24-new-order-male.hl7", "T-PHI-AFTER", "T-PHI3")), 1));
            awaitOrder("T-PHI-AFTER", "AWAITING_JUSTIFICATION");
        } finally {
            root.detachAppender(captured);
        }
        assertTrue(captured.list.size() > 0, "the engine logged something while we watched");
        for (var event : captured.list) {
            String text = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
            assertTrue(!text.contains("ZEBEDEE") && !text.contains("QUINTILLA") && !text.contains("9990000018")
                    && !text.contains("19550312"), "patient data in log: " + event);
        }
    }

    @Test
    void sendHl7PrintsEachAckAndItsExitCodeSaysWhetherAllWereAccepted() throws IOException {
        Path good = engine.dataDir().resolve("send-hl7-good.hl7");
        java.nio.file.Files.writeString(good, sample("04-omg-o19-v25-new-order.hl7", "T-CLI", "T-CLI1"),
                StandardCharsets.ISO_8859_1);
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cl = Dxaflow.commandLine(java.util.Map.of(), new java.util.Properties());
        cl.setOut(new java.io.PrintWriter(out, true));
        assertEquals(0, cl.execute("send-hl7", "--host", "127.0.0.1", "--port", Integer.toString(hl7Port),
                good.toString()));
        assertTrue(out.toString().startsWith("== " + good + " -> AA\nMSH|"), out.toString());
        awaitOrder("T-CLI", "SCHEDULED");

        java.io.StringWriter out2 = new java.io.StringWriter();
        cl = Dxaflow.commandLine(java.util.Map.of(), new java.util.Properties());
        cl.setOut(new java.io.PrintWriter(out2, true));
        assertEquals(1, cl.execute("send-hl7", "--port", Integer.toString(hl7Port), good.toString(),
                "samples/hl7/invalid/invalid-nhs-number.hl7"));
        assertTrue(out2.toString().contains("invalid-nhs-number.hl7 -> AE"), out2.toString());
    }

    @Test
    void orderJsonHasNoHelperFlags() throws IOException {
        assertEquals("AA", msa(send(sample("01-orm-o01-v23-new-order.hl7", "T-JSON", "T-JSON1")), 1));
        JsonNode order = awaitOrder("T-JSON", "SCHEDULED");
        JsonNode detail = http.get("/api/orders/" + order.get("id").asText()).json();
        for (JsonNode n : new JsonNode[] {http.get("/api/orders").json(), detail}) {
            java.util.List<String> leaked = new java.util.ArrayList<>();
            collectFields(n, "", leaked);
            assertTrue(leaked.isEmpty(), "helper getters in the API JSON: " + leaked);
        }
        assertEquals("HOLT", detail.get("patient").get("name").get("family").asText(), detail.toString());
    }

    private static void collectFields(JsonNode n, String path, java.util.List<String> leaked) {
        if (n.isObject()) {
            n.fields().forEachRemaining(f -> {
                if (f.getKey().equals("empty") || f.getKey().equals("identified")) {
                    leaked.add(path + "." + f.getKey());
                }
                collectFields(f.getValue(), path + "." + f.getKey(), leaked);
            });
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                collectFields(n.get(i), path + "[" + i + "]", leaked);
            }
        }
    }

    @Test
    void healthIsUpWithEveryCheckNamed() {
        Http.Reply r = http.get("/api/health?detail=true");
        assertEquals(200, r.status());
        assertEquals("UP", r.json().get("status").asText());
        assertEquals("UP", r.json().get("checks").get("hl7Listener").asText());
        assertEquals("UP", r.json().get("checks").get("broker").asText());
        assertEquals("UP", r.json().get("checks").get("database").asText());
    }
}
