package org.dxaflow.dicom.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.dxaflow.dicom.data.DataSetWriter.SequenceLength;
import org.dxaflow.dicom.testing.Dcmtk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Interoperability with DCMTK: files dump2dcm makes from the dumps in src/test/resources/dicom
 * are read with the values the dumps state, and files we write are accepted by dcmdump and
 * dsrdump and dump exactly like DCMTK's own encoding of the same content.
 */
class DcmtkInteropTest {

    private static final List<String> RESOURCES =
            List.of("basic-text-sr", "secondary-capture", "worklist-latin1", "worklist-utf8");

    @TempDir
    Path tmp;

    private Path convert(String resource, String... options) {
        return Dcmtk.dump2dcm(resource + ".dump", tmp.resolve(resource + String.join("", options) + ".dcm"), options);
    }

    @ParameterizedTest
    @CsvSource({"+te", "+ti", "+td"})
    void readsBasicTextSr(String syntaxOption) throws Exception {
        DicomFile file = DicomFile.read(convert("basic-text-sr", syntaxOption, "-e"));
        Attributes ds = file.dataSet();
        assertEquals(SopClass.BASIC_TEXT_SR_STORAGE, ds.getString(Tag.SOPClassUID));
        assertEquals(SopClass.BASIC_TEXT_SR_STORAGE, file.fileMetaInformation().getString(Tag.MediaStorageSOPClassUID));
        assertEquals("1.2.826.0.1.3680043.10.999.1.1", ds.getString(Tag.SOPInstanceUID));
        assertEquals("CONTAINER", ds.getString(Tag.ValueType));
        assertEquals("Diagnostic Imaging Report", ds.getItem(Tag.ConceptNameCodeSequence, 0).getString(Tag.CodeMeaning));
        assertEquals("COMPLETE", ds.getString(Tag.CompletionFlag));
        Sequence content = ds.getSequence(Tag.ContentSequence);
        assertEquals(2, content.size());
        Attributes findings = content.get(0);
        assertEquals("SEPARATE", findings.getString(Tag.ContinuityOfContent));
        Attributes text = findings.getItem(Tag.ContentSequence, 0);
        assertEquals("CONTAINS", text.getString(Tag.RelationshipType));
        assertEquals("Lumbar spine L1-L4 T-score -2.7: osteoporosis.", text.getString(Tag.TextValue));
        Attributes code = content.get(1).getItem(Tag.ConceptCodeSequence, 0);
        assertEquals("64859006", code.getString(Tag.CodeValue));
        assertEquals("SCT", code.getString(Tag.CodingSchemeDesignator));
        assertTrue(ds.contains(Tag.ReferencedPerformedProcedureStepSequence));
        assertEquals(0, ds.getSequence(Tag.ReferencedPerformedProcedureStepSequence).size());
    }

    @Test
    void readsSecondaryCaptureWithPixelsAndPrivateElements() throws Exception {
        for (String syntax : List.of("+te", "+ti")) {
            Attributes ds = DicomFile.read(convert("secondary-capture", syntax)).dataSet();
            assertEquals(SopClass.SECONDARY_CAPTURE_IMAGE_STORAGE, ds.getString(Tag.SOPClassUID));
            assertEquals(2, ds.getInt(Tag.Rows, 0));
            assertEquals(4, ds.getInt(Tag.Columns, 0));
            assertEquals("MONOCHROME2", ds.getString(Tag.PhotometricInterpretation));
            // OW words 0100\0302\0504\0706 are little endian bytes 00..07
            assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 7}, ds.getBytes(Tag.PixelData.value()));
            assertEquals("DXAFLOW TEST", ds.getString(0x00290010));
            // dump2dcm pads the 7 byte OB with a NUL (PS3.5 7.1.1)
            assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 0}, ds.getBytes(0x00291010));
            assertArrayEquals(new byte[] {0x0a, 0x0b, 0x0c, 0x0d}, ds.getBytes(0x00291011));
        }
    }

    @Test
    void readsLatin1Worklist() throws Exception {
        for (String syntax : List.of("+te", "+ti")) {
            Attributes ds = DicomFile.read(convert("worklist-latin1", syntax)).dataSet();
            assertEquals("ISO_IR 100", ds.specificCharacterSet().terms().get(0));
            assertEquals("Müller^Jürgen", ds.getString(Tag.PatientName));
            assertEquals(PersonName.of("Müller", "Jürgen"), ds.getPersonName(Tag.PatientName));
            assertEquals(new PersonName("Schäfer", "Anna", "", "Dr.", ""), ds.getPersonName(Tag.ReferringPhysicianName));
            assertEquals("PID-ÄÖÜ", ds.getString(Tag.PatientID));
            assertEquals("DXA Wirbelsäule und Hüfte", ds.getString(Tag.RequestedProcedureDescription));
            assertEquals(81.5, ds.getDouble(Tag.PatientWeight, 0), 1e-9);
            assertEquals(1.82, ds.getDouble(Tag.PatientSize, 0), 1e-9);
            Attributes sps = ds.getItem(Tag.ScheduledProcedureStepSequence, 0);
            assertNotNull(sps);
            assertEquals("Weiß^Jörg", sps.getString(Tag.ScheduledPerformingPhysicianName), "item inherits charset");
            assertEquals("DXA1", sps.getString(Tag.ScheduledStationAETitle));
            assertEquals("20240117", sps.getString(Tag.ScheduledProcedureStepStartDate));
            assertEquals("Knochendichtemessung", sps.getString(Tag.ScheduledProcedureStepDescription));
        }
    }

    @Test
    void readsUtf8WorklistWithThreeComponentGroups() throws Exception {
        Attributes ds = DicomFile.read(convert("worklist-utf8", "+te")).dataSet();
        PersonName.Groups name = PersonName.Groups.parse(ds.getString(Tag.PatientName));
        assertEquals(PersonName.of("Yamada", "Tarou"), name.alphabetic());
        assertEquals(PersonName.of("山田", "太郎"), name.ideographic());
        assertEquals(PersonName.of("やまだ", "たろう"), name.phonetic());
        assertEquals("PID-Ωμέγα", ds.getString(Tag.PatientID));
        assertEquals("Денситометрия", ds.getString(Tag.RequestedProcedureDescription));
    }

    /** dump2dcm → our read → our write → dcmdump prints the same data set as for DCMTK's file. */
    @ParameterizedTest
    @CsvSource({"+te,,EXPLICIT,DEFINED", "+te,-e,EXPLICIT,UNDEFINED", "+ti,,IMPLICIT,DEFINED",
            "+ti,-e,IMPLICIT,UNDEFINED"})
    void ourRewriteDumpsIdenticallyToDcmtksFile(String syntax, String lengths, String ours, String seq)
            throws Exception {
        TransferSyntax ts = ours.equals("EXPLICIT") ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN
                : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        for (String resource : RESOURCES) {
            Path theirs = lengths == null ? convert(resource, syntax) : convert(resource, syntax, lengths);
            DicomFile read = DicomFile.read(theirs);
            assertEquals(ts.uid(), read.transferSyntax().uid());
            Path mine = tmp.resolve(resource + "-ours-" + ours + seq + ".dcm");
            read.write(mine, SequenceLength.valueOf(seq));
            String expected = dataSetPart(Dcmtk.dcmdump(theirs).assertOk().stdout());
            Dcmtk.Result result = Dcmtk.dcmdump(mine).assertOk();
            assertEquals("", result.stderr(), "dcmdump warnings for " + resource);
            assertEquals(expected, dataSetPart(result.stdout()), resource);
        }
    }

    @Test
    void fileMetaInformationWeWriteIsWhatDcmdumpExpects() throws Exception {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPClassUID, SopClass.SECONDARY_CAPTURE_IMAGE_STORAGE);
        ds.setString(Tag.SOPInstanceUID, "1.2.826.0.1.3680043.10.999.10");
        ds.setString(Tag.Modality, "OT");
        Path file = tmp.resolve("meta.dcm");
        DicomFile.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).write(file);
        String out = Dcmtk.dcmdump(file, "-Un").assertOk().stdout();
        assertTrue(out.contains("(0002,0001) OB 00\\01"), out);
        assertTrue(out.contains("(0002,0002) UI [1.2.840.10008.5.1.4.1.1.7]"), out);
        assertTrue(out.contains("(0002,0003) UI [1.2.826.0.1.3680043.10.999.10]"), out);
        assertTrue(out.contains("(0002,0010) UI [1.2.840.10008.1.2.1]"), out);
        assertTrue(out.contains("(0002,0012) UI [" + Implementation.CLASS_UID + "]"), out);
        assertTrue(out.contains("(0002,0013) SH [" + Implementation.VERSION_NAME + "]"), out);
        // group length: OB has a 12 byte header, the others 8; values padded to even length
        int classUid = Implementation.CLASS_UID.length() + (Implementation.CLASS_UID.length() & 1);
        int versionName = Implementation.VERSION_NAME.length() + (Implementation.VERSION_NAME.length() & 1);
        int expected = (12 + 2) + (8 + 26) + (8 + 30) + (8 + 20) + (8 + classUid) + (8 + versionName);
        assertTrue(out.contains("(0002,0000) UL " + expected + " "), out);
    }

    private static String dataSetPart(String dcmdumpOutput) {
        int i = dcmdumpOutput.indexOf("# Dicom-Data-Set");
        assertTrue(i >= 0, dcmdumpOutput);
        return dcmdumpOutput.substring(i);
    }
}
