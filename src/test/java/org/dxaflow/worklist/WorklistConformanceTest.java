package org.dxaflow.worklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dxaflow.dicom.testing.Dcmtk;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.Samples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worklist as a scanner sees it, asked by DCMTK's findscu with the query shapes scanners use.
 * Orders go in over HL7; the expected result sets are written from the messages we sent.
 */
class WorklistConformanceTest {

    static final String STATION = "DXASCAN1";
    static final String TODAY = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);

    @TempDir
    static Path work;

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.shipped().andSettings(Map.of(
            "dxaflow.worklist.station-aet", STATION));
    static final int dicomPort = engine.dicomPort();
    static final Http http = engine.http();
    /** Accession number -> scheduled date, for every order that should be on the worklist. */
    static final Map<String, String> ON_WORKLIST = new LinkedHashMap<>();

    static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;
    static final String DAY_7 = LocalDate.now().plusDays(7).format(DA);
    static final String DAY_10 = LocalDate.now().plusDays(10).format(DA);
    static final String DAY_11 = LocalDate.now().plusDays(11).format(DA);
    static final String DAY_14 = LocalDate.now().plusDays(14).format(DA);
    static final String DAY_17 = LocalDate.now().plusDays(17).format(DA);

    /**
     * Orders as the RIS sends them, with requested dates from today on (the gate schedules a
     * justified order on its requested date), through the justification gate: referrals meeting
     * the written criteria are justified automatically, steroid referrals at 65+ by a practitioner
     * here, one without a reason is returned, one is cancelled.
     */
    @BeforeAll
    static void start() throws IOException {
        engine.acceptAll(List.of(
            Samples.hl7("01-orm-o01-v23-new-order.hl7").replace("20261205", DAY_7),
            Samples.hl7("02-orm-o01-v24-new-order-male.hl7").replace("20261208", DAY_10),
            Samples.hl7("03-omg-o19-v251-new-order.hl7").replace("TQ1|1||||||20261212", "TQ1|1||||||" + DAY_14),
            Samples.hl7("04-omg-o19-v25-new-order.hl7").replace("TQ1|1||||||20261215", "TQ1|1||||||" + DAY_17),
            Samples.withControlId(Samples.hl7("02-orm-o01-v24-new-order-male.hl7"), "T-SMITH")
                    .replace("ORD100002", "ORD-SMITH").replace("ACC100002", "ACC-SMITH")
                    .replace("HOLLIS^GEORGE", "SMITH^JOHN").replace("RX1000002", "RX5550001")
                    .replace("9990000026", "9990000085").replace("20261208", DAY_11),
            Samples.withControlId(Samples.hl7("03-omg-o19-v251-new-order.hl7"), "T-TODAY")
                    .replace("ORD100003", "ORD-TODAY").replace("ACC100003", "ACC-TODAY")
                    .replace("RX1000003", "RX5550002").replace("9990000034", "9990000093")
                    .replace("TQ1|1||||||20261212", "TQ1|1||||||" + TODAY),
            // No reason for referral: returned to the referrer, never scheduled.
            withoutObx(Samples.withControlId(Samples.hl7("03-omg-o19-v251-new-order.hl7"), "T-RETURN")
                    .replace("ORD100003", "ORD-RETURN").replace("ACC100003", "ACC-RETURN")
                    .replace("RX1000003", "RX5550003").replace("9990000034", "9990000107")),
            Samples.hl7("05-orm-o01-v23-cancel.hl7")));
        Await.until("all orders through the gate", Duration.ofSeconds(30), () -> http.orders(""),
                a -> a.size() == 7 && java.util.stream.StreamSupport.stream(a.spliterator(), false)
                        .noneMatch(o -> o.get("status").asText().equals("RECEIVED")));
        for (String placer : List.of("ORD100002", "ORD-SMITH")) {
            var order = http.orders("placerOrderNumber=" + placer).get(0);
            assertEquals("AWAITING_JUSTIFICATION", order.get("status").asText(), placer);
            Http.Reply r = http.post("/api/orders/" + order.get("id").asText() + "/justification",
                    "{\"decision\":\"JUSTIFY\",\"practitioner\":{\"id\":\"PRAC-0002\",\"name\":\"Dr Ruth Bell\","
                            + "\"role\":\"IRMER practitioner\"},\"comment\":\"Justified for baseline BMD\"}");
            assertEquals(200, r.status(), String.valueOf(r.json()));
        }
        assertEquals("RETURNED", http.orders("placerOrderNumber=ORD-RETURN").get(0).get("status").asText());
        assertEquals("CANCELLED", http.orders("placerOrderNumber=ORD100001").get(0).get("status").asText());
        ON_WORKLIST.put("ACC100002", DAY_10);
        ON_WORKLIST.put("ACC100003", DAY_14);
        ON_WORKLIST.put("ACC100004", DAY_17);
        ON_WORKLIST.put("ACC-SMITH", DAY_11);
        ON_WORKLIST.put("ACC-TODAY", TODAY);
        for (String acc : ON_WORKLIST.keySet()) {
            assertEquals("SCHEDULED", http.orders("accessionNumber=" + acc).get(0).get("status").asText(), acc);
        }
    }

    private static String withoutObx(String message) {
        return java.util.Arrays.stream(message.split("\r\n|\r|\n")).filter(s -> !s.startsWith("OBX|"))
                .collect(Collectors.joining("\r"));
    }

    /** Runs findscu -W with the given keys and returns the dcmdump text of each response. */
    static List<String> find(String... keys) throws Exception {
        Path out = Files.createTempDirectory(work, "find");
        List<String> args = new ArrayList<>(List.of("-W", "-aet", "SCANNER", "-aec", "DXAFLOW", "-X", "-od",
                out.toString(), "127.0.0.1", Integer.toString(dicomPort),
                "-k", "AccessionNumber", "-k", "PatientName", "-k", "StudyInstanceUID",
                "-k", "ScheduledProcedureStepSequence[0].Modality"));
        for (String k : keys) {
            args.add("-k");
            args.add(k);
        }
        Dcmtk.Result r = Dcmtk.run("findscu", args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.output());
        List<String> dumps = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("rsp")).sorted().toList()) {
                Dcmtk.Result d = Dcmtk.run("dcmdump", "+U8", f.toString());
                assertEquals(0, d.exitCode(), d.output());
                dumps.add(d.output());
            }
        }
        return dumps;
    }

    static Set<String> accessions(List<String> dumps) {
        return dumps.stream().map(d -> value(d, "0008,0050")).collect(Collectors.toCollection(TreeSet::new));
    }

    static String value(String dump, String tag) {
        Matcher m = Pattern.compile("\\(" + tag + "\\) \\w\\w \\[([^\\]]*)]").matcher(dump);
        return m.find() ? m.group(1) : null;
    }

    static Set<String> expected(java.util.function.Predicate<String> onDate) {
        // Keyed on scheduled date so "today" holds whatever day the suite runs.
        return ON_WORKLIST.entrySet().stream().filter(e -> onDate.test(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void echoscuIsAnswered() throws Exception {
        Dcmtk.Result r = Dcmtk.run("echoscu", "-aet", "SCANNER", "-aec", "DXAFLOW", "127.0.0.1",
                Integer.toString(dicomPort));
        assertEquals(0, r.exitCode(), r.output());
    }

    @Test
    void byAccessionNumberReturnsThatOrderWithItsDetails() throws Exception {
        List<String> dumps = find("AccessionNumber=ACC100002", "PatientID", "PatientSex", "PatientBirthDate",
                "OtherPatientIDsSequence", "ScheduledProcedureStepSequence[0].ScheduledStationAETitle",
                "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate");
        assertEquals(1, dumps.size());
        String d = dumps.get(0);
        assertEquals("ACC100002", value(d, "0008,0050"));
        // PID-5 HOLLIS^GEORGE^^^MR: family^given^middle^suffix^prefix in HL7, family^given^middle^prefix in DICOM
        assertEquals("HOLLIS^GEORGE^^MR", value(d, "0010,0010"));
        assertEquals("RX1000002", value(d, "0010,0020"));
        assertEquals("M", value(d, "0010,0040"));
        assertEquals("19580704", value(d, "0010,0030"));
        assertEquals("BMD", value(d, "0008,0060"));
        assertEquals(STATION, value(d, "0040,0001"));
        assertEquals(DAY_10, value(d, "0040,0002"));
        assertTrue(d.contains("9990000026"), "NHS number in OtherPatientIDsSequence:\n" + d);
        String study = value(d, "0020,000d");
        assertTrue(study != null && study.matches("[0-9.]{10,64}"), "a Study Instance UID: " + study);
        assertEquals(study, value(find("AccessionNumber=ACC100002").get(0), "0020,000d"), "stable across queries");
    }

    @Test
    void wildcardOnPatientName() throws Exception {
        // HOLT (cancelled) and the returned HOLDEN copy are off the worklist.
        assertEquals(new TreeSet<>(Set.of("ACC100002", "ACC100003", "ACC100004", "ACC-TODAY")),
                accessions(find("PatientName=HOL*")));
        assertEquals(Set.of("ACC-SMITH"), accessions(find("PatientName=SMI*")));
        assertEquals(Set.of(), accessions(find("PatientName=ZZ*")));
    }

    @Test
    void todayAndDateRanges() throws Exception {
        assertEquals(expected(TODAY::equals),
                accessions(find("ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=" + TODAY)));
        assertEquals(Set.of("ACC100002", "ACC-SMITH"), accessions(find(
                "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=" + DAY_10 + "-" + DAY_11)));
        assertEquals(Set.of("ACC100003", "ACC100004"), accessions(find(
                "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=" + DAY_14 + "-")));
        assertEquals(Set.of("ACC-TODAY", "ACC100002"), accessions(find(
                "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=-" + DAY_10)));
    }

    @Test
    void stationAndModality() throws Exception {
        assertEquals(ON_WORKLIST.keySet().stream().collect(Collectors.toCollection(TreeSet::new)),
                accessions(find("ScheduledProcedureStepSequence[0].ScheduledStationAETitle=" + STATION)));
        assertEquals(Set.of(), accessions(find("ScheduledProcedureStepSequence[0].ScheduledStationAETitle=OTHER")));
        assertEquals(ON_WORKLIST.keySet().stream().collect(Collectors.toCollection(TreeSet::new)),
                accessions(find("ScheduledProcedureStepSequence[0].Modality=BMD")));
        assertEquals(Set.of(), accessions(find("ScheduledProcedureStepSequence[0].Modality=CT")));
    }

    @Test
    void cancelledAndReturnedOrdersAreNotOnTheWorklist() throws Exception {
        assertEquals(Set.of(), accessions(find("AccessionNumber=ACC100001")));
        assertEquals(Set.of(), accessions(find("AccessionNumber=ACC-RETURN")));
    }

    @Test
    void theDecidedProtocolIsTheScheduledProtocolCodeSequence() throws Exception {
        List<String> dumps = find("AccessionNumber=ACC100003",
                "ScheduledProcedureStepSequence[0].ScheduledProtocolCodeSequence");
        assertEquals(1, dumps.size());
        // Default protocol for a justified referral: lumbar spine and hip (conf/justification/rules.yaml).
        assertTrue(dumps.get(0).contains("[LSPINE]") && dumps.get(0).contains("[HIP]"), dumps.get(0));
    }

    @Test
    void brokenPdusLeaveTheListenerServing() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            try (Socket s = new Socket("127.0.0.1", dicomPort); OutputStream out = s.getOutputStream()) {
                byte[] junk = new byte[1 + random.nextInt(512)];
                random.nextBytes(junk);
                if (i % 3 == 0) {
                    junk[0] = 0x01; // looks like an A-ASSOCIATE-RQ
                }
                out.write(junk);
                out.flush();
            } catch (IOException peerClosedFirst) {
                // the listener may abort before we finish writing
            }
        }
        echoscuIsAnswered();
    }
}
