package org.dxaflow.dicom.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a Part 10 file's header without its data set, and writing a header before a data set
 * that is already encoded: how the storage SCU sends and the spool keeps objects byte for byte.
 */
class Part10HeaderTest {

    @TempDir
    Path tmp;

    private static Attributes dataSet() {
        return new Attributes().setString(Tag.SOPClassUID, SopClass.SECONDARY_CAPTURE_IMAGE_STORAGE)
                .setString(Tag.SOPInstanceUID, "2.25.42").setString(Tag.PatientID, "PID42");
    }

    @Test
    void headerThenEncodedDataSetIsTheFileDicomFileWrites() throws Exception {
        for (TransferSyntax ts : new TransferSyntax[] {TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN}) {
            DicomFile file = DicomFile.of(dataSet(), ts);
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            file.write(written, DataSetWriter.SequenceLength.UNDEFINED);
            byte[] encoded = DataSetWriter.encode(file.dataSet(), ts);

            byte[] header = DicomFile.encodeHeader(file.fileMetaInformation());
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            joined.write(header);
            joined.write(encoded);
            assertArrayEquals(written.toByteArray(), joined.toByteArray(), ts.name());

            Path path = Files.write(tmp.resolve("sc.dcm"), written.toByteArray());
            DicomFile.Header read = DicomFile.readHeader(path);
            assertEquals(header.length, read.dataSetOffset(), ts.name());
            assertEquals(SopClass.SECONDARY_CAPTURE_IMAGE_STORAGE, read.sopClassUid());
            assertEquals("2.25.42", read.sopInstanceUid());
            assertEquals(ts.uid(), read.transferSyntaxUid());
            assertArrayEquals(encoded, DicomFile.readDataSetBytes(path, read), ts.name());
        }
    }

    @Test
    void aDataSetTheCodecCannotDecodeStillHasAHeader() throws Exception {
        // Explicit VR Big Endian is refused by DicomFile.read; a sender passes it on unread.
        byte[] opaque = {0x00, 0x08, 0x00, 0x16, 'U', 'I', 0x00, 0x02, '1', 0x00};
        Attributes meta = FileMetaInformation.create(SopClass.SECONDARY_CAPTURE_IMAGE_STORAGE, "2.25.43",
                TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);
        Path path = tmp.resolve("be.dcm");
        Files.write(path, concat(DicomFile.encodeHeader(meta), opaque));
        assertThrows(DicomParseException.class, () -> DicomFile.read(path));
        DicomFile.Header header = DicomFile.readHeader(path);
        assertEquals(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN.uid(), header.transferSyntaxUid());
        assertArrayEquals(opaque, DicomFile.readDataSetBytes(path, header));
    }

    @Test
    void whatCannotBeSentIsAParseError() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.txt"), "not a DICOM file at all");
        assertTrue(assertThrows(DicomParseException.class, () -> DicomFile.readHeader(text)).getMessage()
                .contains("end of data"));
        Path noPrefix = Files.write(tmp.resolve("no-prefix.dcm"), new byte[200]);
        assertTrue(assertThrows(DicomParseException.class, () -> DicomFile.readHeader(noPrefix)).getMessage()
                .contains("DICM"));

        Attributes meta = FileMetaInformation.create(SopClass.SECONDARY_CAPTURE_IMAGE_STORAGE, "2.25.44",
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        meta.remove(Tag.MediaStorageSOPInstanceUID.value());
        Path noInstance = Files.write(tmp.resolve("no-instance.dcm"), DicomFile.encodeHeader(meta));
        assertTrue(assertThrows(DicomParseException.class, () -> DicomFile.readHeader(noInstance)).getMessage()
                .contains("MediaStorageSOPInstanceUID"));

        byte[] whole = DicomFile.encodeHeader(FileMetaInformation.create(SopClass.SECONDARY_CAPTURE_IMAGE_STORAGE,
                "2.25.45", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        Path truncated = Files.write(tmp.resolve("truncated.dcm"), Arrays.copyOf(whole, whole.length - 3));
        assertThrows(DicomParseException.class, () -> DicomFile.readHeader(truncated));
    }

    @Test
    void metaForAReceivedObjectNamesTheReceiverAndTheSender() {
        Attributes meta = FileMetaInformation.create(SopClass.SECONDARY_CAPTURE_IMAGE_STORAGE, "2.25.46",
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, "1.2.3.4", "V1", "MOD");
        assertEquals("1.2.3.4", meta.getString(Tag.ImplementationClassUID));
        assertEquals("V1", meta.getString(Tag.ImplementationVersionName));
        assertEquals("MOD", meta.getString(Tag.SourceApplicationEntityTitle));

        Attributes bare = FileMetaInformation.create(SopClass.SECONDARY_CAPTURE_IMAGE_STORAGE, "2.25.46",
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, "1.2.3.4", null, "");
        assertNull(bare.getString(Tag.ImplementationVersionName));
        assertFalse(bare.contains(Tag.SourceApplicationEntityTitle), "an empty AE title is left out");
        assertThrows(IllegalArgumentException.class, () -> FileMetaInformation.create(
                SopClass.SECONDARY_CAPTURE_IMAGE_STORAGE, "2.25.46", TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                "not-a-uid", null, null));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
