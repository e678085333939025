package org.dxaflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dxaflow.app.ScannerSimCommand;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.UidGenerator;
import org.dxaflow.dicom.dimse.service.MppsScu;
import org.dxaflow.dicom.dimse.service.WorklistScu;
import org.dxaflow.dicom.dimse.storage.StoreScu;
import org.dxaflow.dicom.net.RequestorConfig;
import org.dxaflow.dxasr.DxaResultSr;
import org.dxaflow.dicom.testing.DcmtkWorklistScp;
import org.dxaflow.dicom.testing.WorklistItems;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scanner-sim's worklist step against DCMTK wlmscpfs: exactly one item, none, or ambiguous. */
class ScannerSimWorklistDcmtkTest {
    @TempDir
    static Path tmp;
    private static DcmtkWorklistScp wlm;

    private final ScannerSimulator sim;
    private final List<String> steps = new ArrayList<>();

    ScannerSimWorklistDcmtkTest() {
        RequestorConfig config = RequestorConfig.defaults("SCANNER")
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10));
        sim = new ScannerSimulator(new WorklistScu(config), new MppsScu(config), new StoreScu(config),
                new DxaResultSr(ScannerSimulator.EQUIPMENT), new UidGenerator(), Clock.systemDefaultZone());
    }

    @BeforeAll
    static void startWlmscpfs() throws Exception {
        wlm = DcmtkWorklistScp.start(tmp, "WLMSCP").add("ACC1001", 1001).add("ACC3003", 3003).add("ACC3003", 3004);
    }

    @AfterAll
    static void stop() throws Exception {
        wlm.close();
    }

    @Test
    void findsTheOneItemAndReportsItWithoutPatientData() throws Exception {
        Attributes item = sim.findWorklistItem(wlm.remote(), "ACC1001", (s, m) -> steps.add(s + ": " + m));
        assertEquals(WorklistItems.STUDY_UID_PREFIX + "1001", item.getString(Tag.StudyInstanceUID));
        assertEquals("SPS1001", item.getItem(Tag.ScheduledProcedureStepSequence, 0).getString(Tag.ScheduledProcedureStepID));
        assertEquals(1, steps.size());
        assertTrue(steps.get(0).contains("1 item for accession ACC1001"), steps.toString());
        assertTrue(!steps.get(0).contains("Testpatient") && !steps.get(0).contains("PID1001"), steps.toString());
    }

    @Test
    void noItemIsAWorklistMismatch() {
        ScannerSimException e = assertThrows(ScannerSimException.class,
                () -> sim.findWorklistItem(wlm.remote(), "ACC0000", (s, m) -> steps.add(m)));
        assertEquals(ScannerSimException.WORKLIST_MISMATCH, e.exitStatus());
        assertTrue(e.getMessage().contains("no worklist item for accession ACC0000"), e.getMessage());
    }

    @Test
    void twoItemsAreAWorklistMismatch() {
        ScannerSimException e = assertThrows(ScannerSimException.class,
                () -> sim.findWorklistItem(wlm.remote(), "ACC3003", (s, m) -> steps.add(m)));
        assertEquals(ScannerSimException.WORKLIST_MISMATCH, e.exitStatus());
        assertTrue(e.getMessage().contains("more than one worklist item"), e.getMessage());
    }

    @Test
    void commandExitsNonZeroWithAClearMessage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = new ScannerSimCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemDefaultZone()).run(new String[] {
                    "--host", "127.0.0.1", "--port", String.valueOf(wlm.port()), "--aet", "WLMSCP",
                    "--accession", "ACC0000", "--timeout", "10"});
        assertEquals(ScannerSimException.WORKLIST_MISMATCH, rc);
        assertEquals("scanner-sim: no worklist item for accession ACC0000 at WLMSCP@127.0.0.1:" + wlm.port(),
                err.toString(StandardCharsets.UTF_8).strip());
    }
}
