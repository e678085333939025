package org.dxaflow.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.dxaflow.clinical.Sex;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Site;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DataSetWriter;
import org.dxaflow.dicom.data.DicomFile;
import org.dxaflow.dicom.data.TransferSyntax;
import org.dxaflow.dicom.data.UidGenerator;
import org.dxaflow.dxasr.DxaResultSr;
import org.dxaflow.dxasr.DxaSrReader;
import org.dxaflow.dxasr.MeasurementKind;
import org.dxaflow.dxasr.SiteMeasurement;
import org.dxaflow.dicom.testing.Dcmtk;
import org.dxaflow.dicom.testing.TestObjects;
import org.dxaflow.order.CodedValue;
import org.dxaflow.order.PersonName;
import org.dxaflow.worklist.WorklistDataSet;
import org.dxaflow.worklist.WorklistEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped samples/dicom/example-sr.dcm is exactly what the builder makes today from the inputs
 * below, its .dump says the same per DCMTK, and dsrdump accepts it. After a deliberate layout
 * change, regenerate both files with
 * {@code ./mvnw -o test -Dtest=ExampleSrSampleTest -Ddxaflow.samples.write=true} and update the README.
 */
class ExampleSrSampleTest {
    static final Path DCM = Path.of("samples/dicom/example-sr.dcm");
    static final Path DUMP = Path.of("samples/dicom/example-sr.dump");

    @TempDir
    Path tmp;

    /** The worklist item as dxaflow's own MWL SCP would return it. */
    static Attributes exampleItem() {
        WorklistEntry e = new WorklistEntry(1, "DXA0000001", "EX0001", "DXAFLOW", null,
                new PersonName("Example", "Edith", "", ""), LocalDate.of(1952, 4, 17), Sex.F, 58.0, 1.60,
                new PersonName("Referrer", "Rita", "", ""), "1.2.826.0.1.3680043.10.999.1", "RP0001",
                new CodedValue("DXASH", "DXA spine and hip", "L"), "SCANNER", LocalDate.of(2024, 1, 15),
                LocalTime.of(10, 15), "SPS0001", "DXA spine and left hip",
                List.of(new CodedValue("DXA-SH", "Spine and hip protocol", "L")), "SCHEDULED");
        return new WorklistDataSet("99DXA").toAttributes(e);
    }

    /** One of each site the layout documents, with all five measurements where a scanner gives them. */
    static List<SiteMeasurement> exampleMeasurements() {
        return List.of(
                m(Site.L1, null, "0.850", "-2.2", "-1.0", "12.31", "14.48"),
                m(Site.L2, null, "0.901", "-1.8", "-0.6", "13.95", "15.48"),
                m(Site.L3, null, "0.935", "-1.6", "-0.4", "15.80", "16.90"),
                m(Site.L4, null, "0.948", "-1.5", "-0.3", "16.22", "17.11"),
                m(Site.L1_L4, null, "0.912", "-1.8", "-0.6", "58.28", "63.97"),
                m(Site.FEMORAL_NECK, Laterality.LEFT, "0.701", "-2.1", "-0.9", "3.41", "4.86"),
                m(Site.TOTAL_HIP, Laterality.LEFT, "0.823", "-1.4", "-0.5", "28.10", "34.14"),
                m(Site.TROCHANTER, Laterality.LEFT, "0.640", "-1.1", "-0.4", "7.95", "12.42"),
                SiteMeasurement.bmd(Site.FEMORAL_NECK, Laterality.RIGHT, new BigDecimal("0.722")),
                m(Site.RADIUS_33, Laterality.LEFT, "0.702", "-1.2", "-0.2", "1.69", "2.41"),
                m(Site.TOTAL_FOREARM, Laterality.LEFT, "0.561", "-1.0", "-0.1", "8.02", "14.30"));
    }

    private static SiteMeasurement m(Site site, Laterality side, String bmd, String t, String z, String bmc,
                                     String area) {
        return new SiteMeasurement(site, side, Map.of(MeasurementKind.BMD, new BigDecimal(bmd),
                MeasurementKind.T_SCORE, new BigDecimal(t), MeasurementKind.Z_SCORE, new BigDecimal(z),
                MeasurementKind.BMC, new BigDecimal(bmc), MeasurementKind.AREA, new BigDecimal(area)));
    }

    /** Fixed rather than the current release, so that a version bump does not make the sample stale. */
    static final DxaResultSr.Equipment EQUIPMENT = new DxaResultSr.Equipment("DXAFLOW-SIM", "scanner-sim", "0.1.0",
            "SIM-0001", "DXAFLOW-SIM");

    static Attributes buildDataSet() {
        UidGenerator uids = new UidGenerator();
        DxaResultSr.Identity id = new DxaResultSr.Identity(uids.nameBasedUid("dxaflow example SR series"),
                uids.nameBasedUid("dxaflow example SR instance"), uids.nameBasedUid("dxaflow example MPPS"),
                LocalDateTime.of(2024, 1, 15, 10, 31, 5), 1, 1);
        return new DxaResultSr(EQUIPMENT).build(exampleItem(), id, exampleMeasurements());
    }

    static byte[] file(Attributes sr) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DicomFile.of(sr, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).write(bytes, DataSetWriter.SequenceLength.UNDEFINED);
        return bytes.toByteArray();
    }

    @Test
    void shippedSampleIsWhatTheBuilderMakes() throws Exception {
        Attributes built = buildDataSet();
        if (Boolean.getBoolean("dxaflow.samples.write")) {
            Files.write(DCM, file(built));
            Dcmtk.Result dump = Dcmtk.run("dcmdump", "+L", "-q", DCM.toString());
            assertEquals(0, dump.exitCode(), dump.output());
            Files.writeString(DUMP, dump.output(), StandardCharsets.US_ASCII);
        }
        // the data set only: the file meta names the implementation version, which changes with releases
        assertArrayEquals(DataSetWriter.encode(DicomFile.read(DCM).dataSet(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
                DataSetWriter.encode(built, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
                "samples/dicom/example-sr.dcm is stale: regenerate it (see this test's comment)");
    }

    @Test
    void dumpAndFileAgreePerDcmtk() throws Exception {
        Path rebuilt = tmp.resolve("from-dump.dcm");
        Dcmtk.Result r = Dcmtk.run("dump2dcm", "+te", "-e", DUMP.toString(), rebuilt.toString());
        assertEquals(0, r.exitCode(), r.output());
        TestObjects.assertSameDataSet(DCM, rebuilt);
    }

    @Test
    void dsrdumpAcceptsTheSampleAndTheReaderFindsEveryValue() throws Exception {
        Dcmtk.Result r = Dcmtk.run("dsrdump", "+Pc", DCM.toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().lines().noneMatch(l -> l.startsWith("W:") || l.startsWith("E:")), r.output());
        assertEquals(exampleMeasurements(), new DxaSrReader().read(DicomFile.read(DCM).dataSet()));
    }
}
