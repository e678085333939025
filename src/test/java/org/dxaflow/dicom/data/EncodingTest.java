package org.dxaflow.dicom.data;

import static org.dxaflow.dicom.data.TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
import static org.dxaflow.dicom.data.TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dxaflow.dicom.data.DataSetWriter.SequenceLength;
import org.junit.jupiter.api.Test;

/** Encoder output compared with byte layouts written out from PS3.5 sections 7.1 and 7.5. */
class EncodingTest {

    @Test
    void explicitVrHeadersAndEvenPadding() {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPInstanceUID, "1.2.3");            // odd: UI pads with NUL
        ds.setString(Tag.PatientName, "Doe");                  // odd: PN pads with SPACE
        ds.setInt(Tag.Rows, 512);                              // US, 2 bytes little endian
        ds.setBytes(0x00291010, VR.OB, new byte[] {1, 2, 3}); // odd OB pads with NUL, long header
        byte[] expected = new Bytes()
                .shortElement(0x00080018, "UI", "1.2.3\0")
                .shortElement(0x00100010, "PN", "Doe ")
                .tag(0x00280010).ascii("US").u16(2).u16(512)
                .longHeader(0x00291010, "OB", 4).raw(1, 2, 3, 0)
                .toArray();
        assertArrayEquals(expected, DataSetWriter.encode(ds, EXPLICIT_VR_LITTLE_ENDIAN));
    }

    @Test
    void implicitVrHeaders() {
        Attributes ds = new Attributes();
        ds.setString(Tag.PatientName, "Doe");
        ds.setString(Tag.PatientSex, "F");
        byte[] expected = new Bytes()
                .implicitElement(0x00100010, "Doe ")
                .implicitElement(0x00100040, "F ")
                .toArray();
        assertArrayEquals(expected, DataSetWriter.encode(ds, IMPLICIT_VR_LITTLE_ENDIAN));
    }

    @Test
    void multipleValuesAreBackslashSeparated() {
        Attributes ds = new Attributes();
        ds.setString(Tag.ImageType, "DERIVED", "SECONDARY");
        ds.setDouble(Tag.PixelSpacing, 0.5, 1.25);
        byte[] expected = new Bytes()
                .shortElement(0x00080008, "CS", "DERIVED\\SECONDARY ")
                .shortElement(0x00280030, "DS", "0.5\\1.25")
                .toArray();
        assertArrayEquals(expected, DataSetWriter.encode(ds, EXPLICIT_VR_LITTLE_ENDIAN));
    }

    @Test
    void sequenceOfUndefinedLength() {
        Attributes ds = new Attributes();
        ds.newSequence(Tag.ScheduledProcedureStepSequence).addItem().setString(Tag.Modality, "OT");
        byte[] expected = new Bytes()
                .longHeader(0x00400100, "SQ", 0xFFFFFFFFL)
                .item(0xFFFFFFFFL)
                .shortElement(0x00080060, "CS", "OT")
                .itemEnd()
                .sequenceEnd()
                .toArray();
        assertArrayEquals(expected, DataSetWriter.encode(ds, EXPLICIT_VR_LITTLE_ENDIAN));
    }

    @Test
    void sequenceOfDefinedLength() {
        Attributes ds = new Attributes();
        Sequence seq = ds.newSequence(Tag.ScheduledProcedureStepSequence);
        seq.addItem().setString(Tag.Modality, "OT");
        seq.addItem();
        // item 1: CS element 8 + 2 = 10 bytes; item 2 empty; sequence: (8 + 10) + (8 + 0) = 26
        byte[] expected = new Bytes()
                .longHeader(0x00400100, "SQ", 26)
                .item(10)
                .shortElement(0x00080060, "CS", "OT")
                .item(0)
                .toArray();
        assertArrayEquals(expected, DataSetWriter.encode(ds, EXPLICIT_VR_LITTLE_ENDIAN, SequenceLength.DEFINED));
        byte[] implicitExpected = new Bytes()
                .tag(0x00400100).u32(26) // implicit header 8 bytes, element also 8 + 2
                .item(10)
                .implicitElement(0x00080060, "OT")
                .item(0)
                .toArray();
        assertArrayEquals(implicitExpected, DataSetWriter.encode(ds, IMPLICIT_VR_LITTLE_ENDIAN, SequenceLength.DEFINED));
    }

    @Test
    void encapsulatedPixelDataIsUndefinedLengthWithFragments() {
        Attributes ds = new Attributes();
        ds.setFragments(Tag.PixelData.value(), Fragments.of(new byte[0], new byte[] {9, 8, 7}));
        byte[] expected = new Bytes()
                .longHeader(0x7FE00010, "OB", 0xFFFFFFFFL)
                .item(0)
                .item(4).raw(9, 8, 7, 0)
                .sequenceEnd()
                .toArray();
        assertArrayEquals(expected, DataSetWriter.encode(ds, EXPLICIT_VR_LITTLE_ENDIAN));
    }

    @Test
    void groupLengthIsRecalculatedWhenPresent() throws DicomParseException {
        Attributes cmd = new Attributes();
        cmd.setInt(CommandTag.CommandGroupLength, 999);
        cmd.setString(CommandTag.AffectedSOPClassUID, "1.2.840.10008.1.1");  // 17 chars, padded to 18
        cmd.setInt(CommandTag.CommandField, 0x0030);
        cmd.setInt(CommandTag.MessageID, 7);
        cmd.setInt(CommandTag.CommandDataSetType, 0x0101);
        byte[] encoded = DataSetWriter.encode(cmd, IMPLICIT_VR_LITTLE_ENDIAN);
        // implicit: (8 + 18) + (8 + 2) * 3 = 56, the C-ECHO-RQ of PS3.7 9.3.5
        byte[] expectedStart = new Bytes().tag(0x00000000).u32(4).u32(56).toArray();
        assertArrayEquals(expectedStart, java.util.Arrays.copyOf(encoded, 12));
        assertEquals(12 + 56, encoded.length);
        assertEquals(56, DataSetReader.read(encoded, IMPLICIT_VR_LITTLE_ENDIAN)
                .getInt(CommandTag.CommandGroupLength, -1));
    }

    @Test
    void textTooLongForA16BitLengthBecomesUn() throws DicomParseException {
        Attributes ds = new Attributes();
        String longText = "x".repeat(70_000);
        ds.setString(0x00081030, VR.LO, longText); // LO has a 16 bit length in explicit VR
        byte[] encoded = DataSetWriter.encode(ds, EXPLICIT_VR_LITTLE_ENDIAN);
        byte[] header = new Bytes().longHeader(0x00081030, "UN", 70_000).toArray();
        assertArrayEquals(header, java.util.Arrays.copyOf(encoded, 12));
        assertEquals(longText, DataSetReader.read(encoded, EXPLICIT_VR_LITTLE_ENDIAN).getString(0x00081030));
    }
}
