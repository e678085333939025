package org.dxaflow.dxasr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Site;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DicomFile;
import org.dxaflow.dicom.data.TransferSyntax;
import org.dxaflow.dicom.testing.Dcmtk;
import org.dxaflow.dicom.testing.WorklistItems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example result SR as DCMTK's dsrdump and dcmdump see it. */
class DxaResultSrTest {
    @TempDir
    Path tmp;

    static final DxaResultSr.Equipment EQUIPMENT = new DxaResultSr.Equipment("DXAFLOW-SIM", "scanner-sim",
            "0.1.0", "SIM-0001", "STATION1");
    static final DxaResultSr.Identity ID = new DxaResultSr.Identity("2.25.1001", "2.25.1002", "2.25.1003",
            LocalDateTime.of(2024, 1, 15, 10, 31, 5), 1, 1);

    static List<SiteMeasurement> allSites() {
        return List.of(
                full(Site.L1, null, "0.850", "-2.2", "-1.0", "12.31", "14.48"),
                SiteMeasurement.bmd(Site.L2, null, new BigDecimal("0.901")),
                SiteMeasurement.bmd(Site.L3, null, new BigDecimal("0.935")),
                SiteMeasurement.bmd(Site.L4, null, new BigDecimal("0.948")),
                full(Site.L1_L4, null, "0.912", "-1.8", "-0.6", "55.02", "60.33"),
                full(Site.FEMORAL_NECK, Laterality.LEFT, "0.701", "-2.1", "-0.9", "3.41", "4.86"),
                full(Site.TOTAL_HIP, Laterality.LEFT, "0.823", "-1.4", "-0.5", "28.10", "34.14"),
                SiteMeasurement.bmd(Site.TROCHANTER, Laterality.RIGHT, new BigDecimal("0.640")),
                full(Site.RADIUS_33, Laterality.LEFT, "0.702", "-1.2", "-0.2", "1.69", "2.41"),
                SiteMeasurement.bmd(Site.TOTAL_FOREARM, Laterality.LEFT, new BigDecimal("0.561")));
    }

    static SiteMeasurement full(Site site, Laterality side, String bmd, String t, String z, String bmc, String area) {
        return new SiteMeasurement(site, side, Map.of(MeasurementKind.BMD, new BigDecimal(bmd),
                MeasurementKind.T_SCORE, new BigDecimal(t), MeasurementKind.Z_SCORE, new BigDecimal(z),
                MeasurementKind.BMC, new BigDecimal(bmc), MeasurementKind.AREA, new BigDecimal(area)));
    }

    private Path write(Attributes sr) throws Exception {
        Path file = tmp.resolve("sr.dcm");
        DicomFile.of(sr, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).write(file);
        return file;
    }

    @Test
    void dsrdumpReadsTheWholeTreeWithoutComplaint() throws Exception {
        Attributes item = WorklistItems.attributes(tmp, "ACC1001", 1001);
        Path file = write(new DxaResultSr(EQUIPMENT).build(item, ID, allSites()));
        // without -Ec dsrdump also checks the Comprehensive SR relationship constraints (PS3.3 A.35.3.3)
        Dcmtk.Result r = Dcmtk.run("dsrdump", "+Pc", file.toString());
        assertEquals(0, r.exitCode(), r.output());
        List<String> complaints = r.output().lines().filter(l -> l.startsWith("W:") || l.startsWith("E:")).toList();
        assertEquals(List.of(), complaints, r.output());
        List<String> tree = r.output().lines().map(String::strip).toList();
        // DCMTK prints <relationship VALUE-TYPE:(concept)=value (unit)>
        assertTrue(r.output().contains("Comprehensive SR Document"), r.output());
        assertTrue(tree.contains("<CONTAINER:(DXA-REPORT,99DXAFLOW,\"Bone densitometry report\")=SEPARATE>"), r.output());
        assertTrue(tree.contains("<contains CONTAINER:(66794005,SCT,\"L1 vertebra\")=SEPARATE>"), r.output());
        assertTrue(tree.contains("<contains NUM:(24966-4,LN,\"DXA Lumbar spine [Mass/Area] Bone density\")=\"0.912\""
                + " (g/cm2,UCUM,\"g/cm2\")>"), r.output());
        assertTrue(tree.contains("<contains NUM:(38267-1,LN,\"DXA Lumbar spine [T-score] Bone density\")=\"-1.8\""
                + " ({T-score},UCUM,\"T-score\")>"), r.output());
        assertTrue(tree.contains("<contains CONTAINER:(29627003,SCT,\"Neck of femur\")=SEPARATE>"), r.output());
        assertTrue(tree.contains("<has concept mod CODE:(272741003,SCT,\"Laterality\")=(7771000,SCT,\"Left\")>"),
                r.output());
        assertTrue(tree.contains("<has concept mod CODE:(272741003,SCT,\"Laterality\")=(24028007,SCT,\"Right\")>"),
                r.output());
        assertTrue(tree.contains("<contains NUM:(38263-0,LN,\"DXA Femur [T-score] Bone density\")=\"-2.1\""
                + " ({T-score},UCUM,\"T-score\")>"), r.output());
        assertTrue(tree.contains("<contains NUM:(BMD,99DXAFLOW,\"Bone mineral density\")=\"0.561\" (g/cm2,UCUM,\"g/cm2\")>"),
                r.output());
        assertEquals(10, tree.stream().filter(l -> l.startsWith("<contains CONTAINER:")).count(), "one container per site");
        assertEquals(5, tree.stream().filter(l -> l.startsWith("<has concept mod")).count(), "paired sites only");
    }

    @Test
    void headerComesFromTheWorklistItemAndReferencesTheMpps() throws Exception {
        Attributes item = WorklistItems.attributes(tmp, "ACC1001", 1001);
        Path file = write(new DxaResultSr(EQUIPMENT).build(item, ID, allSites()));
        Dcmtk.Result r = Dcmtk.run("dcmdump", "+L", file.toString());
        assertEquals(0, r.exitCode(), r.output());
        String d = r.output();
        for (String line : List.of(
                "(0008,0016) UI =ComprehensiveSRStorage",
                "(0008,0018) UI [2.25.1002]",
                "(0008,0050) SH [ACC1001]",
                "(0008,0060) CS [SR]",
                "(0008,0070) LO [DXAFLOW-SIM]",
                "(0008,1090) LO [scanner-sim]",
                "(0010,0010) PN [" + WorklistItems.PATIENT_NAME + "]",
                "(0010,0020) LO [PID1001]",
                "(0010,0030) DA [19550301]",
                "(0020,000d) UI [" + WorklistItems.STUDY_UID_PREFIX + "1001]",
                "(0020,000e) UI [2.25.1001]",
                "(0020,0010) SH [RP1001]",
                "(0040,a491) CS [COMPLETE]",
                "(0040,a493) CS [UNVERIFIED]",
                "(0008,1150) UI =ModalityPerformedProcedureStepSOPClass",
                "(0008,1155) UI [2.25.1003]",
                "(0040,1001) SH [RP1001]",
                "(0008,0102) SH [99DXAFLOW]")) {
            assertTrue(d.contains(line), "dcmdump lacks " + line + "\n" + d);
        }
        assertTrue(d.contains("CodingSchemeIdentificationSequence"), d);
        assertTrue(d.contains("ReferencedPerformedProcedureStepSequence"), d);
        assertTrue(d.contains("ReferencedRequestSequence"), d);
        assertTrue(!d.contains("Unknown Tag"), d);
    }

    @Test
    void readerGetsBackWhatWasWritten() throws Exception {
        Attributes item = WorklistItems.attributes(tmp, "ACC1001", 1001);
        Path file = write(new DxaResultSr(EQUIPMENT).build(item, ID, allSites()));
        assertEquals(allSites(), new DxaSrReader().read(DicomFile.read(file).dataSet()));
    }

    @Test
    void refusesWhatAReaderCouldNotPlace() throws Exception {
        Attributes item = WorklistItems.attributes(tmp, "ACC1001", 1001);
        DxaResultSr builder = new DxaResultSr(EQUIPMENT);
        SiteMeasurement neck = SiteMeasurement.bmd(Site.FEMORAL_NECK, Laterality.LEFT, new BigDecimal("0.7"));
        assertThrows(IllegalArgumentException.class, () -> builder.build(item, ID, List.of(neck, neck)));
        assertThrows(IllegalArgumentException.class, () -> builder.build(item, ID, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> SiteMeasurement.bmd(Site.FEMORAL_NECK, null, BigDecimal.ONE), "hip needs a side");
        assertThrows(IllegalArgumentException.class,
                () -> SiteMeasurement.bmd(Site.L1_L4, Laterality.LEFT, BigDecimal.ONE), "spine has no side");
        Attributes noStudy = item.deepCopy();
        noStudy.remove(org.dxaflow.dicom.data.Tag.StudyInstanceUID);
        assertThrows(IllegalArgumentException.class, () -> builder.build(noStudy, ID, List.of(neck)));
    }

    @Test
    void everyCodeMapsBackToOneSiteAndKind() {
        for (Site s : Site.values()) {
            assertEquals(s, DxaSrCodes.siteOf(DxaSrCodes.site(s)).orElseThrow(), s.toString());
            for (MeasurementKind k : MeasurementKind.values()) {
                assertEquals(k, DxaSrCodes.kindOf(DxaSrCodes.measurement(s, k)).orElseThrow(), s + " " + k);
            }
        }
        for (Laterality l : Laterality.values()) {
            assertEquals(l, DxaSrCodes.lateralityOf(DxaSrCodes.laterality(l)).orElseThrow());
        }
    }
}
