package org.dxaflow.dicom.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Specific Character Set, person names and string value handling. */
class TextTest {

    @Test
    void latin1AndUtf8Encodings() {
        // ü is 0xFC in ISO 8859-1 and C3 BC in UTF-8
        assertArrayEquals(new byte[] {'M', (byte) 0xFC}, SpecificCharacterSet.of("ISO_IR 100").encode("Mü"));
        assertArrayEquals(new byte[] {'M', (byte) 0xC3, (byte) 0xBC}, SpecificCharacterSet.of("ISO_IR 192").encode("Mü"));
        assertEquals("Mü", SpecificCharacterSet.LATIN_1.decode(new byte[] {'M', (byte) 0xFC}, 0, 2));
        assertEquals("Ωμ", SpecificCharacterSet.UTF_8.decode("Ωμ".getBytes(StandardCharsets.UTF_8), 0, 4));
    }

    @Test
    void defaultRepertoireRefusesNonAscii() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpecificCharacterSet.DEFAULT.encode("Müller"));
        assertEquals(true, e.getMessage().contains("SpecificCharacterSet"));
        assertThrows(IllegalArgumentException.class, () -> SpecificCharacterSet.LATIN_1.encode("山田"));
        assertFalse(SpecificCharacterSet.of("ISO 2022 IR 6", "ISO 2022 IR 87").isWritable());
        assertFalse(SpecificCharacterSet.of("NO SUCH SET").isWritable());
        assertEquals(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.of(""));
    }

    @Test
    void writingNonAsciiWithoutCharsetFailsAtEncoding() {
        Attributes ds = new Attributes().setString(Tag.PatientName, "Müller");
        assertThrows(IllegalArgumentException.class,
                () -> DataSetWriter.encode(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        ds.setString(Tag.SpecificCharacterSet, "ISO_IR 100"); // set later: still applies at write time
        byte[] encoded = DataSetWriter.encode(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        byte[] expected = new Bytes().shortElement(0x00080005, "CS", "ISO_IR 100")
                .tag(0x00100010).ascii("PN").u16(6).raw('M', 0xFC, 'l', 'l', 'e', 'r').toArray();
        assertArrayEquals(expected, encoded);
    }

    @Test
    void itemsInheritAndMayOverrideTheCharset() throws Exception {
        Attributes ds = new Attributes().setString(Tag.SpecificCharacterSet, "ISO_IR 100");
        Attributes item = ds.newSequence(Tag.ScheduledProcedureStepSequence).addItem();
        item.setString(Tag.ScheduledPerformingPhysicianName, "Weiß");
        byte[] encoded = DataSetWriter.encode(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertEquals("Weiß", DataSetReader.read(encoded, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .getItem(Tag.ScheduledProcedureStepSequence, 0).getString(Tag.ScheduledPerformingPhysicianName));
        assertEquals(encoded.length, encodedLengthWithLatin1Eszett(encoded), "ß is one byte in Latin-1");
        item.setString(Tag.SpecificCharacterSet, "ISO_IR 192");
        assertEquals(SpecificCharacterSet.UTF_8.charset(), item.specificCharacterSet().charset());
    }

    private static int encodedLengthWithLatin1Eszett(byte[] encoded) {
        for (byte b : encoded) {
            if ((b & 0xFF) == 0xDF) {
                return encoded.length;
            }
        }
        return -1;
    }

    @Test
    void valueMultiplicityAndPadding() throws Exception {
        byte[] data = new Bytes()
                .shortElement(0x00080008, "CS", "ORIGINAL\\PRIMARY ")
                .shortElement(0x00080018, "UI", "1.2.3\0")
                .shortElement(0x00100020, "LO", " PID ")
                .shortElement(0x00104000, "LT", "  indented\\kept  ")
                .toArray();
        Attributes ds = DataSetReader.read(data, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertArrayEquals(new String[] {"ORIGINAL", "PRIMARY"}, ds.getStrings(Tag.ImageType));
        assertEquals("ORIGINAL", ds.getString(Tag.ImageType));
        assertEquals("1.2.3", ds.getString(Tag.SOPInstanceUID), "UI NUL padding removed");
        assertEquals("PID", ds.getString(Tag.PatientID), "LO leading/trailing spaces not significant");
        assertEquals("  indented\\kept", ds.getString(Tag.PatientComments), "LT keeps leading spaces and backslash");
        assertNull(ds.getString(Tag.PatientName));
        assertEquals("x", ds.getString(Tag.PatientName, "x"));
        assertThrows(IllegalArgumentException.class, () -> ds.setString(Tag.PatientID, "a\\b"));
        assertThrows(IllegalArgumentException.class, () -> ds.setString(Tag.PatientComments, "a", "b"));
    }

    @Test
    void personNameComponents() {
        PersonName p = PersonName.parse("Müller^Jürgen^Karl^Dr.^MD");
        assertEquals(new PersonName("Müller", "Jürgen", "Karl", "Dr.", "MD"), p);
        assertEquals("Müller^Jürgen^Karl^Dr.^MD", p.format());
        assertEquals("Doe^John", new PersonName("Doe", "John", "", "", "").format(), "trailing empty dropped");
        assertEquals("Doe^^^Mr.", new PersonName("Doe", "", "", "Mr.", "").format(), "inner empty kept");
        assertEquals(PersonName.of("Doe", ""), PersonName.parse("Doe"));
        assertEquals(PersonName.EMPTY, PersonName.parse(""));
        assertThrows(IllegalArgumentException.class, () -> PersonName.of("A=B", ""));
    }

    @Test
    void personNameGroups() {
        PersonName.Groups g = PersonName.Groups.parse("Yamada^Tarou=山田^太郎=やまだ^たろう");
        assertEquals("Yamada", g.alphabetic().family());
        assertEquals("太郎", g.ideographic().given());
        assertEquals("やまだ", g.phonetic().family());
        assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう", g.format());
        assertEquals("Doe^John", PersonName.Groups.parse("Doe^John").format());
        assertEquals("=山田^太郎", new PersonName.Groups(null, PersonName.of("山田", "太郎"), null).format());
        assertThrows(IllegalArgumentException.class, () -> PersonName.Groups.parse("a=b=c=d"));
    }

    @Test
    void dsFormattingStaysWithin16Bytes() {
        assertEquals("0.5", ValueCodec.formatDS(0.5));
        assertEquals("81.5", ValueCodec.formatDS(81.5));
        assertEquals("100", ValueCodec.formatDS(100.0));
        String third = ValueCodec.formatDS(1.0 / 3);
        assertEquals(true, third.length() <= 16, third);
        assertEquals(1.0 / 3, Double.parseDouble(third), 1e-12);
        String big = ValueCodec.formatDS(1.234567890123456789e200);
        assertEquals(true, big.length() <= 16, big);
        assertEquals(1.234567890123456789e200, Double.parseDouble(big), 1e190);
        assertThrows(IllegalArgumentException.class, () -> ValueCodec.formatDS(Double.NaN));
    }
}
