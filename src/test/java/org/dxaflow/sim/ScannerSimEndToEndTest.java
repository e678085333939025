package org.dxaflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.dxaflow.app.ScannerSimCommand;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DicomFile;
import org.dxaflow.dicom.data.SopClass;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.testing.Dcmtk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scanner-sim against a rig of our own SCPs: worklist, MPPS, storage, then DCMTK looks at the SR. */
class ScannerSimEndToEndTest {
    @TempDir
    Path tmp;
    private DxaflowRig rig;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        rig = new DxaflowRig(tmp);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private int run(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--host", "127.0.0.1", "--port",
                String.valueOf(rig.port()), "--aet", DxaflowRig.AE, "--calling-aet", "DXASCAN1", "--timeout", "10"));
        args.addAll(List.of(extra));
        return new ScannerSimCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemDefaultZone())
                .run(args.toArray(String[]::new));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void playsTheWholeScanAndTheSpooledSrCarriesTheValues() throws Exception {
        rig.schedule(DxaflowRig.entry("ACC5005", 5005));
        rig.schedule(DxaflowRig.entry("ACC6006", 6006));
        Path outFile = tmp.resolve("result.dcm");
        int rc = run("--accession", "ACC5005", "--bmd", "L1-L4=0.912,T=-1.8,Z=-0.6",
                "--bmd", "FEMORAL_NECK:LEFT=0.701,T=-2.1", "--out", outFile.toString());
        assertEquals(0, rc, output());

        // the SR arrived and DCMTK reads the values we gave on the command line
        List<Path> spooled = rig.spooled();
        assertEquals(1, spooled.size(), "one SR spooled: " + spooled);
        Dcmtk.Result sr = Dcmtk.run("dsrdump", "+Pc", spooled.get(0).toString());
        assertEquals(0, sr.exitCode(), sr.output());
        assertTrue(sr.output().lines().noneMatch(l -> l.startsWith("W:") || l.startsWith("E:")), sr.output());
        List<String> tree = sr.output().lines().map(String::strip).toList();
        int spine = tree.indexOf("<contains CONTAINER:(L1-L4,99DXAFLOW,\"Lumbar spine L1-L4\")=SEPARATE>");
        int neck = tree.indexOf("<contains CONTAINER:(29627003,SCT,\"Neck of femur\")=SEPARATE>");
        assertTrue(spine >= 0 && neck > spine, sr.output());
        assertEquals("<contains NUM:(24966-4,LN,\"DXA Lumbar spine [Mass/Area] Bone density\")=\"0.912\" (g/cm2,UCUM,\"g/cm2\")>",
                tree.get(spine + 1));
        assertEquals("<has concept mod CODE:(272741003,SCT,\"Laterality\")=(7771000,SCT,\"Left\")>", tree.get(neck + 1));
        assertEquals("<contains NUM:(BMD,99DXAFLOW,\"Bone mineral density\")=\"0.701\" (g/cm2,UCUM,\"g/cm2\")>",
                tree.get(neck + 2));
        assertTrue(tree.contains("<contains NUM:(38263-0,LN,\"DXA Femur [T-score] Bone density\")=\"-2.1\""
                + " ({T-score},UCUM,\"T-score\")>"), sr.output());

        // the SR belongs to the worklist item's study and references the MPPS
        Attributes stored = DicomFile.read(spooled.get(0)).dataSet();
        assertEquals("1.2.826.0.1.3680043.10.998.5005", stored.getString(Tag.StudyInstanceUID));
        assertEquals("ACC5005", stored.getString(Tag.AccessionNumber));
        assertEquals(SopClass.COMPREHENSIVE_SR_STORAGE, stored.getString(Tag.SOPClassUID));
        String srUid = stored.getString(Tag.SOPInstanceUID);

        // MPPS: N-CREATE IN PROGRESS, then N-SET COMPLETED on the same instance, listing the SR
        assertEquals(List.of("N-CREATE", "N-SET"), rig.mpps.stream().map(DxaflowRig.MppsCall::operation).toList());
        DxaflowRig.MppsCall create = rig.mpps.get(0);
        DxaflowRig.MppsCall set = rig.mpps.get(1);
        assertEquals(create.sopInstanceUid(), set.sopInstanceUid());
        assertEquals("IN PROGRESS", create.attributes().getString(Tag.PerformedProcedureStepStatus));
        assertEquals("DXASCAN1", create.attributes().getString(Tag.PerformedStationAETitle));
        assertEquals("ACC5005", create.attributes().getItem(Tag.ScheduledStepAttributesSequence, 0)
                .getString(Tag.AccessionNumber));
        assertEquals("COMPLETED", set.attributes().getString(Tag.PerformedProcedureStepStatus));
        Attributes series = set.attributes().getItem(Tag.PerformedSeriesSequence, 0);
        assertEquals(stored.getString(Tag.SeriesInstanceUID), series.getString(Tag.SeriesInstanceUID));
        assertEquals("Spine and hip protocol", series.getString(Tag.ProtocolName));
        assertEquals(srUid, series.getItem(Tag.ReferencedNonImageCompositeSOPInstanceSequence, 0)
                .getString(Tag.ReferencedSOPInstanceUID));
        assertEquals(create.sopInstanceUid(), stored.getItem(Tag.ReferencedPerformedProcedureStepSequence, 0)
                .getString(Tag.ReferencedSOPInstanceUID));

        // --out keeps the same document; the console names steps but never the patient
        assertEquals(srUid, DicomFile.read(outFile).dataSet().getString(Tag.SOPInstanceUID));
        String console = out.toString(StandardCharsets.UTF_8);
        for (String step : List.of("[worklist] 1 item", "[mpps] N-CREATE", "IN PROGRESS: 0x0000", "[store] C-STORE",
                "[mpps] N-SET", "COMPLETED: 0x0000", "[done]")) {
            assertTrue(console.contains(step), "missing '" + step + "' in\n" + console);
        }
        assertFalse(console.contains("Rigpatient") || console.contains("PID5005") || console.contains("9434765919"),
                console);
    }

    @Test
    void twoItemsForTheAccessionStopBeforeAnythingIsSent() throws Exception {
        rig.schedule(DxaflowRig.entry("ACC7007", 7007));
        rig.schedule(DxaflowRig.entry("ACC7007", 7008));
        assertEquals(ScannerSimException.WORKLIST_MISMATCH, run("--accession", "ACC7007"), output());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("more than one worklist item for accession ACC7007"),
                output());
        assertEquals(List.of(), rig.mpps);
        assertEquals(List.of(), rig.spooled());
    }

    @Test
    void noItemForTheAccession() throws Exception {
        rig.schedule(DxaflowRig.entry("ACC5005", 5005));
        assertEquals(ScannerSimException.WORKLIST_MISMATCH, run("--accession", "ACC9999"), output());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no worklist item for accession ACC9999"), output());
        assertEquals(List.of(), rig.mpps);
    }

    @Test
    void refusedStorageDiscontinuesTheStep() throws Exception {
        rig.schedule(DxaflowRig.entry("ACC5005", 5005));
        rig.storeStatusOverride = Status.OUT_OF_RESOURCES;
        assertEquals(ScannerSimException.STEP_FAILED, run("--accession", "ACC5005", "--bmd", "L1-L4=0.9"), output());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("C-STORE failed"), output());
        assertEquals(List.of("N-CREATE", "N-SET"), rig.mpps.stream().map(DxaflowRig.MppsCall::operation).toList());
        Attributes set = rig.mpps.get(1).attributes();
        assertEquals("DISCONTINUED", set.getString(Tag.PerformedProcedureStepStatus));
        assertEquals("110513", set.getItem(Tag.PerformedProcedureStepDiscontinuationReasonCodeSequence, 0)
                .getString(Tag.CodeValue));
    }

    @Test
    void badMeasurementsAreUsageErrors() throws Exception {
        rig.schedule(DxaflowRig.entry("ACC5005", 5005));
        assertEquals(2, run("--accession", "ACC5005", "--bmd", "FEMORAL_NECK=0.7"), output());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("needs a side"), output());
        assertEquals(2, run("--accession", "ACC5005", "--bmd", "KNEE:LEFT=0.7"), output());
        assertEquals(2, run("--bmd", "L1=0.7"), output());
        assertEquals(2, run("--accession", "ACC5005", "--bmd", "L1=0.7", "--bmd", "L1=0.8"), output());
        assertEquals(2, run("--accession", "ACC5005", "--vfa", "C7=2"), output());
        assertEquals(2, run("--accession", "ACC5005", "--vfa", "T12=4"), output());
        assertEquals(2, run("--accession", "ACC5005", "--vfa", "T12=2", "--vfa", "T12=1"), output());
        assertEquals(List.of(), rig.mpps, "nothing sent on bad usage");
    }

    @Test
    void vfaGradesGoIntoTheSrAsDcmtkReadsThem() throws Exception {
        rig.schedule(DxaflowRig.entry("ACC5005", 5005));
        assertEquals(0, run("--accession", "ACC5005", "--bmd", "L1-L4=0.912,T=-1.8", "--vfa", "T12=2",
                "--vfa", "l1=0"), output());
        Dcmtk.Result sr = Dcmtk.run("dsrdump", "+Pc", rig.spooled().get(0).toString());
        assertEquals(0, sr.exitCode(), sr.output());
        assertTrue(sr.output().lines().noneMatch(l -> l.startsWith("W:") || l.startsWith("E:")), sr.output());
        List<String> tree = sr.output().lines().map(String::strip).toList();
        int vfa = tree.indexOf("<contains CONTAINER:(VFA,99DXAFLOW,\"Vertebral fracture assessment\")=SEPARATE>");
        assertTrue(vfa > 0, sr.output());
        assertEquals("<contains CONTAINER:(T12,99DXAFLOW,\"T12 vertebra\")=SEPARATE>", tree.get(vfa + 1));
        assertEquals("<contains NUM:(GENANT-GRADE,99DXAFLOW,\"Genant semiquantitative grade\")=\"2\" ({grade},UCUM,"
                + "\"grade\")>", tree.get(vfa + 2));
        assertEquals("<contains CONTAINER:(11994002,SCT,\"L4 vertebra\")=SEPARATE>".replace("11994002", "66794005")
                .replace("L4", "L1"), tree.get(vfa + 3));
    }
}
