package org.dxaflow.dicom.data;

import static org.dxaflow.dicom.data.TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
import static org.dxaflow.dicom.data.TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
import static org.dxaflow.dicom.data.TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dxaflow.dicom.data.DataSetWriter.SequenceLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoundTripTest {

    private static final List<TransferSyntax> SYNTAXES =
            List.of(IMPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN, DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);

    /** A data set touching every value kind: text, numbers, nested sequences, private, bulk. */
    static Attributes sample() {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, "ISO_IR 192");
        ds.setString(Tag.ImageType, "ORIGINAL", "PRIMARY");
        ds.setString(Tag.SOPInstanceUID, "1.2.826.0.1.3680043.10.999.9.1");
        ds.setString(Tag.PatientName, "Müller^Jürgen");
        ds.setString(Tag.PatientComments, "line one\\with backslash in LT");
        ds.setDouble(Tag.PatientWeight, 81.5);
        ds.setInt(Tag.InstanceNumber, 42);
        ds.setInt(Tag.Rows, 65535);
        // binary numbers of dictionary tags, so Implicit VR knows their VR too
        ds.setInt(Tag.OverlayOrigin, -3, 4);                            // SS, VM 2
        ds.setLong(Tag.RationalDenominatorValue.value(), VR.UL, 4_000_000_000L); // beyond int range
        ds.setInt(Tag.RationalNumeratorValue, -7);                      // SL
        ds.setDouble(Tag.FloatingPointValue, 1.5e-3);                   // FD
        ds.setInt(Tag.FrameIncrementPointer, 0x00100010);               // AT
        ds.setNull(Tag.ReferringPhysicianName);         // type 2: present, empty
        Sequence content = ds.newSequence(Tag.ContentSequence);
        Attributes container = content.addItem();
        container.setString(Tag.ValueType, "CONTAINER");
        Attributes text = container.newSequence(Tag.ContentSequence).addItem();
        text.setString(Tag.ValueType, "TEXT");
        text.setString(Tag.TextValue, "Knochendichte vermindert");
        text.newSequence(Tag.ConceptNameCodeSequence).addItem()
                .setString(Tag.CodeValue, "121071").setString(Tag.CodingSchemeDesignator, "DCM")
                .setString(Tag.CodeMeaning, "Finding");
        content.addItem(); // an empty item
        ds.newSequence(Tag.OtherPatientIDsSequence); // empty sequence
        ds.setString(0x00290010, VR.LO, "DXAFLOW TEST");
        ds.setBytes(0x00291010, VR.OB, new byte[] {1, 2, 3, 4, 5, 6});
        ds.setBytes(0x00291011, VR.UN, new byte[] {(byte) 0xCA, (byte) 0xFE});
        ds.setBytes(Tag.PixelData.value(), VR.OW, new byte[] {1, 0, 2, 0});
        return ds;
    }

    private static void assertSampleValues(Attributes ds) {
        assertEquals("Müller^Jürgen", ds.getString(Tag.PatientName));
        assertArrayEquals(new String[] {"ORIGINAL", "PRIMARY"}, ds.getStrings(Tag.ImageType));
        assertEquals("line one\\with backslash in LT", ds.getString(Tag.PatientComments));
        assertEquals(81.5, ds.getDouble(Tag.PatientWeight, 0), 1e-9);
        assertEquals(42, ds.getInt(Tag.InstanceNumber, 0));
        assertEquals(65535, ds.getInt(Tag.Rows, 0));
        assertArrayEquals(new long[] {-3, 4}, ds.getLongs(Tag.OverlayOrigin.value()));
        assertArrayEquals(new long[] {4_000_000_000L}, ds.getLongs(Tag.RationalDenominatorValue.value()));
        assertEquals(-7, ds.getInt(Tag.RationalNumeratorValue, 0));
        assertEquals(1.5e-3, ds.getDouble(Tag.FloatingPointValue, 0), 0);
        assertEquals(0x00100010, ds.getInt(Tag.FrameIncrementPointer, 0));
        assertEquals("00100010", ds.getString(Tag.FrameIncrementPointer));
        assertTrue(ds.contains(Tag.ReferringPhysicianName));
        assertEquals(null, ds.getString(Tag.ReferringPhysicianName));
        Sequence content = ds.getSequence(Tag.ContentSequence);
        assertEquals(2, content.size());
        Attributes text = content.get(0).getItem(Tag.ContentSequence, 0);
        assertEquals("Knochendichte vermindert", text.getString(Tag.TextValue));
        assertEquals("Finding", text.getItem(Tag.ConceptNameCodeSequence, 0).getString(Tag.CodeMeaning));
        assertTrue(content.get(1).isEmpty());
        assertEquals(0, ds.getSequence(Tag.OtherPatientIDsSequence).size());
        assertEquals("DXAFLOW TEST", ds.getString(0x00290010));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, ds.getBytes(0x00291010));
        assertArrayEquals(new byte[] {(byte) 0xCA, (byte) 0xFE}, ds.getBytes(0x00291011));
        assertArrayEquals(new byte[] {1, 0, 2, 0}, ds.getBytes(Tag.PixelData.value()));
    }

    @ParameterizedTest
    @EnumSource(SequenceLength.class)
    void everySyntaxDecodesWhatItEncodedAndReencodesIdentically(SequenceLength lengths) throws Exception {
        for (TransferSyntax ts : SYNTAXES) {
            byte[] first = DataSetWriter.encode(sample(), ts, lengths);
            Attributes read = DataSetReader.read(first, ts);
            assertSampleValues(read);
            assertArrayEquals(first, DataSetWriter.encode(read, ts, lengths), ts.name());
        }
    }

    @Test
    void implicitToExplicitToImplicitKeepsEveryByte() throws Exception {
        byte[] implicit = DataSetWriter.encode(sample(), IMPLICIT_VR_LITTLE_ENDIAN);
        Attributes fromImplicit = DataSetReader.read(implicit, IMPLICIT_VR_LITTLE_ENDIAN);
        byte[] explicit = DataSetWriter.encode(fromImplicit, EXPLICIT_VR_LITTLE_ENDIAN);
        Attributes fromExplicit = DataSetReader.read(explicit, EXPLICIT_VR_LITTLE_ENDIAN);
        assertSampleValues(fromExplicit);
        assertArrayEquals(implicit, DataSetWriter.encode(fromExplicit, IMPLICIT_VR_LITTLE_ENDIAN));
    }

    @Test
    void undefinedAndDefinedLengthSequencesDecodeToTheSameContent() throws Exception {
        for (TransferSyntax ts : SYNTAXES) {
            byte[] undefined = DataSetWriter.encode(sample(), ts, SequenceLength.UNDEFINED);
            byte[] defined = DataSetWriter.encode(sample(), ts, SequenceLength.DEFINED);
            assertTrue(ts.deflated() || undefined.length > defined.length, "delimiters cost bytes");
            byte[] converted = DataSetWriter.encode(DataSetReader.read(undefined, ts), ts, SequenceLength.DEFINED);
            assertArrayEquals(defined, converted, ts.name());
        }
    }

    /** Unknown private elements read in Implicit VR become UN and come back byte for byte. */
    @Test
    void unknownPrivateElementsSurviveImplicitExplicitImplicit() throws Exception {
        byte[] implicit = new Bytes()
                .implicitElement(0x00100010, "Doe^John")
                .implicitElement(0x00330010, "ACME 1.0")                 // private creator
                .tag(0x00331001).u32(6).raw(0xDE, 0xAD, 0xBE, 0xEF, 0x00, 0x01) // private binary
                .implicitElement(0x00331002, "private text")
                // a private sequence of undefined length: VR unknown, items in Implicit VR
                .tag(0x00331003).u32(0xFFFFFFFFL)
                .item(0xFFFFFFFFL).implicitElement(0x00331004, "nested").itemEnd()
                .sequenceEnd()
                .toArray();
        Attributes ds = DataSetReader.read(implicit, IMPLICIT_VR_LITTLE_ENDIAN);
        assertEquals(VR.LO, ds.vrOf(0x00330010));
        assertEquals(VR.UN, ds.vrOf(0x00331001));
        byte[] explicit = DataSetWriter.encode(ds, EXPLICIT_VR_LITTLE_ENDIAN);
        byte[] expectedExplicit = new Bytes()
                .shortElement(0x00100010, "PN", "Doe^John")
                .shortElement(0x00330010, "LO", "ACME 1.0")
                .longHeader(0x00331001, "UN", 6).raw(0xDE, 0xAD, 0xBE, 0xEF, 0x00, 0x01)
                .longHeader(0x00331002, "UN", 12).ascii("private text")
                // PS3.5 6.2.2: UN of undefined length, content stays Implicit VR Little Endian
                .longHeader(0x00331003, "UN", 0xFFFFFFFFL)
                .item(0xFFFFFFFFL).implicitElement(0x00331004, "nested").itemEnd()
                .sequenceEnd()
                .toArray();
        assertArrayEquals(expectedExplicit, explicit);
        Attributes again = DataSetReader.read(explicit, EXPLICIT_VR_LITTLE_ENDIAN);
        assertArrayEquals(explicit, DataSetWriter.encode(again, EXPLICIT_VR_LITTLE_ENDIAN));
        assertArrayEquals(implicit, DataSetWriter.encode(again, IMPLICIT_VR_LITTLE_ENDIAN));
    }

    @Test
    void standardAttributeReceivedAsUnIsStillReadable() throws Exception {
        byte[] explicit = new Bytes().longHeader(0x00100020, "UN", 6).ascii("PID42 ").toArray();
        Attributes ds = DataSetReader.read(explicit, EXPLICIT_VR_LITTLE_ENDIAN);
        assertEquals("PID42", ds.getString(Tag.PatientID));
        assertArrayEquals(explicit, DataSetWriter.encode(ds, EXPLICIT_VR_LITTLE_ENDIAN));
    }

    @Test
    void encapsulatedPixelDataSurvives() throws Exception {
        byte[] explicit = new Bytes()
                .shortElement(0x00280010, "US", "\u0002\u0000")
                .longHeader(0x7FE00010, "OB", 0xFFFFFFFFL)
                .item(4).raw(0, 0, 0, 0)                  // basic offset table, one frame at 0
                .item(6).raw(0xFF, 0xD8, 1, 2, 0xFF, 0xD9)
                .sequenceEnd()
                .toArray();
        Attributes ds = DataSetReader.read(explicit, TransferSyntax.JPEG_BASELINE);
        Fragments f = ds.getFragments(Tag.PixelData.value());
        assertNotNull(f);
        assertEquals(2, f.size());
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, (byte) 0xFF, (byte) 0xD9}, f.get(1));
        assertArrayEquals(explicit, DataSetWriter.encode(ds, TransferSyntax.JPEG_BASELINE));
    }

    @Test
    void explicitVrKeepsBinaryVrsOfTagsOutsideTheDictionary() throws Exception {
        Attributes ds = new Attributes();
        ds.setDouble(0x00700282, VR.FL, 0.25, -2);
        ds.setDouble(0x00189087, VR.OD, 3.5);
        ds.setLong(0x00720078, VR.UV, -1L);   // 2^64 - 1 unsigned
        ds.setLong(0x00720082, VR.SV, -5L);
        Attributes read = DataSetReader.read(DataSetWriter.encode(ds, EXPLICIT_VR_LITTLE_ENDIAN),
                EXPLICIT_VR_LITTLE_ENDIAN);
        assertArrayEquals(new double[] {0.25, -2}, read.getDoubles(0x00700282));
        assertArrayEquals(new String[] {"18446744073709551615"}, read.getStrings(0x00720078));
        assertEquals(-5L, read.getLongs(0x00720082)[0]);
        assertEquals(VR.OD, read.vrOf(0x00189087));
    }

    @Test
    void oddLengthValuesReadAreWrittenPadded() throws Exception {
        // Odd lengths violate PS3.5 7.1.1 but occur; we read them and write them padded.
        byte[] odd = new Bytes().shortElement(0x00100020, "LO", "ABC").toArray();
        Attributes ds = DataSetReader.read(odd, EXPLICIT_VR_LITTLE_ENDIAN);
        assertEquals("ABC", ds.getString(Tag.PatientID));
        assertArrayEquals(new Bytes().shortElement(0x00100020, "LO", "ABC ").toArray(),
                DataSetWriter.encode(ds, EXPLICIT_VR_LITTLE_ENDIAN));
    }

    @Test
    void deepCopyIsIndependent() {
        Attributes original = sample();
        Attributes copy = original.deepCopy();
        copy.getSequence(Tag.ContentSequence).get(0).setString(Tag.ValueType, "TEXT");
        copy.setString(Tag.PatientName, "Other^Name");
        assertSampleValues(original);
        assertEquals("CONTAINER", original.getItem(Tag.ContentSequence, 0).getString(Tag.ValueType));
        assertArrayEquals(DataSetWriter.encode(sample(), EXPLICIT_VR_LITTLE_ENDIAN),
                DataSetWriter.encode(original.deepCopy(), EXPLICIT_VR_LITTLE_ENDIAN));
    }
}
