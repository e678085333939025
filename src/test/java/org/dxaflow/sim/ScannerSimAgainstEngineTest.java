package org.dxaflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The whole loop against a running engine: an order over HL7 is justified and scheduled, the
 * simulated scanner finds it on the worklist, reports the scan started (MPPS), stores its result
 * SR and reports the scan completed. The order ends COMPLETED with its SR recorded against it.
 */
class ScannerSimAgainstEngineTest {

    @TempDir
    static Path work;

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.shipped();
    static final Http http = engine.http();

    @BeforeAll
    static void start() throws Exception {
        String today = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
        engine.accept(Samples.hl7("03-omg-o19-v251-new-order.hl7")
                .replace("TQ1|1||||||20261212", "TQ1|1||||||" + today));
        Await.until("order scheduled", Duration.ofSeconds(20), () -> http.orders("accessionNumber=ACC100003"),
                a -> a.size() == 1 && a.get(0).get("status").asText().equals("SCHEDULED"));
    }

    static java.math.BigDecimal tScore(JsonNode densitometry, String site) {
        for (JsonNode s : densitometry.get("sites")) {
            if (s.get("site").asText().equals(site)) {
                return s.get("tScore").decimalValue();
            }
        }
        throw new AssertionError("no " + site + " in " + densitometry);
    }

    @Test
    void worklistMppsStorageMppsCycle() throws Exception {
        Path out = work.resolve("result.dcm");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit = new ScannerSimCommand(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), Clock.systemUTC()).run(new String[] {
                    "--host", "127.0.0.1", "--port", Integer.toString(engine.dicomPort()), "--aet", "DXAFLOW",
                    "--calling-aet", "DXASCAN1", "--accession", "ACC100003",
                    "--bmd", "L1-L4=0.912,T=-1.8", "--bmd", "FEMORAL_NECK:LEFT=0.558", "--bmd", "TOTAL_HIP:LEFT=0.701",
                    "--out", out.toString()});
        assertEquals(0, exit, stdout + "\n" + stderr);

        JsonNode order = Await.until("order completed", Duration.ofSeconds(20),
                () -> http.orders("accessionNumber=ACC100003").get(0),
                o -> o.get("status").asText().equals("COMPLETED"));
        JsonNode objects = Await.until("SR recorded", Duration.ofSeconds(20),
                () -> http.get("/api/objects?accessionNumber=ACC100003").json(), a -> a.size() == 1);
        assertEquals(order.get("id").asLong(), objects.get(0).get("orderId").asLong());
        assertEquals("1.2.840.10008.5.1.4.1.1.88.33", objects.get(0).get("sopClassUid").asText());

        // What the engine kept is what the scanner sent, and DCMTK reads it as a valid SR.
        Path spooled = Path.of(objects.get(0).get("filePath").asText());
        assertTrue(Files.exists(spooled));
        Dcmtk.Result sr = Dcmtk.run("dsrdump", spooled.toString());
        assertEquals(0, sr.exitCode(), sr.output());
        assertTrue(sr.output().contains("0.558"), sr.output());
        assertTrue(sr.output().contains("0.912"), sr.output());

        // The densitometry computed from the SR, checked by hand against the cited reference data
        // (conf/reference-data/nhanes3-femur.yaml, NHANES III women 20-29, Looker 1998):
        //   femoral neck T = (0.558 - 0.858) / 0.120 = -0.300 / 0.120 = -2.5
        //   total hip    T = (0.701 - 0.942) / 0.122 = -0.241 / 0.122 = -1.975 -> -2.0
        //   lumbar spine L1-L4: the scanner's T-score -1.8 (no spine reference is configured; a spine
        //   sent without any T-score would leave no category at all: FailSafeCasesTest)
        // Lowest -2.5 <= -2.5 in a postmenopausal woman (referral MENOPAUSE=Y), no fragility
        // fracture on the referral: OSTEOPOROSIS.
        JsonNode result = Await.until("result computed", Duration.ofSeconds(20),
                () -> http.get("/api/orders/" + order.get("id").asText() + "/result"),
                r -> r.status() == 200 && r.json().get("status").asText().equals("COMPUTED")).json();
        JsonNode d = result.get("densitometry");
        assertEquals(0, new java.math.BigDecimal("-2.5").compareTo(tScore(d, "FEMORAL_NECK")));
        assertEquals(0, new java.math.BigDecimal("-2.0").compareTo(tScore(d, "TOTAL_HIP")));
        assertEquals("FEMORAL_NECK", d.get("lowestTScore").get("site").asText());
        assertEquals("OSTEOPOROSIS", d.get("whoCategory").asText());
        assertEquals("example-sr", result.get("source").get("mapping").asText());
        assertTrue(d.get("provenance").get("referenceDatasets").toString().contains("NHANES III"));

        // The scan started and ended through MPPS: the status history shows both steps.
        JsonNode detail = http.get("/api/orders/" + order.get("id").asText()).json();
        String history = detail.get("statusHistory").toString();
        assertTrue(history.contains("\"to\":\"IN_PROGRESS\"") && history.contains("\"to\":\"COMPLETED\""), history);
    }
}
