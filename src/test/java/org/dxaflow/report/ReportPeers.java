package org.dxaflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.dxaflow.app.ScannerSimCommand;
import org.dxaflow.dicom.testing.OrthancServer;
import org.dxaflow.report.fhir.InMemoryFhirServer;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.FakeRis;
import org.dxaflow.testing.Samples;

/**
 * The peers a report goes to, started in a test class's static fields (before its engine, which
 * needs their ports), and the scan that makes a report: order ACC100003 over HL7, scheduled, then
 * scanner-sim with the values ScannerSimAgainstEngineTest checks by hand (femoral neck T -2.5,
 * OSTEOPOROSIS).
 */
final class ReportPeers {

    static final String ACCESSION = "ACC100003";

    private ReportPeers() {
    }

    /** @return the order's id once the scanner-sim run stored its result SR */
    static long scheduleAndScan(EngineExtension engine) throws Exception {
        return scheduleAndScan(engine, engine.dicomPort());
    }

    /** @param dicomPort where the engine listens for DICOM, when a test set it itself */
    static long scheduleAndScan(EngineExtension engine, int dicomPort) throws Exception {
        String today = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
        engine.accept(Samples.hl7("03-omg-o19-v251-new-order.hl7").replace("TQ1|1||||||20261212", "TQ1|1||||||" + today));
        long orderId = Await.until("order scheduled", Duration.ofSeconds(20),
                () -> engine.http().orders("accessionNumber=" + ACCESSION),
                a -> a.size() == 1 && a.get(0).get("status").asText().equals("SCHEDULED")).get(0).get("id").asLong();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new ScannerSimCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemUTC()).run(new String[] {
                    "--host", "127.0.0.1", "--port", Integer.toString(dicomPort), "--aet", "DXAFLOW",
                    "--calling-aet", "DXASCAN1", "--accession", ACCESSION,
                    "--bmd", "L1-L4=0.912,T=-1.8", "--bmd", "FEMORAL_NECK:LEFT=0.558", "--bmd", "TOTAL_HIP:LEFT=0.701"});
        assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
        return orderId;
    }

    /** The id of the order's one report, once it exists. */
    static long reportFor(EngineExtension engine, long orderId) {
        return Await.until("a report for the order", Duration.ofSeconds(30),
                () -> engine.http().get("/api/orders/" + orderId + "/reports").json(), a -> a.size() == 1)
                .get(0).get("id").asLong();
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("dxaflow-reports-");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes a test's directory and what its Orthanc stored there. */
    static void delete(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static OrthancServer orthanc(Path dir) {
        try {
            return OrthancServer.start(dir, "PACSTEST");
        } catch (Exception e) {
            throw new IllegalStateException("Orthanc did not start: " + e.getMessage(), e);
        }
    }

    static FakeRis fakeRis() {
        try {
            return new FakeRis();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static InMemoryFhirServer fhirServer() {
        try {
            return new InMemoryFhirServer();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
