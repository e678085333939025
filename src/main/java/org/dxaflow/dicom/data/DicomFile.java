package org.dxaflow.dicom.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * A DICOM Part 10 file (PS3.10 7.1): 128 byte preamble, "DICM", File Meta Information in
 * Explicit VR Little Endian, then the data set in the transfer syntax the meta names.
 *
 * @param fileMetaInformation group 0002
 * @param dataSet the instance
 */
public record DicomFile(Attributes fileMetaInformation, Attributes dataSet) {

    private static final byte[] MAGIC = "DICM".getBytes(StandardCharsets.US_ASCII);
    private static final int PREAMBLE_LENGTH = 128;

    /** Wraps a data set with File Meta Information for its SOP Class/Instance UIDs. */
    public static DicomFile of(Attributes dataSet, TransferSyntax ts) {
        return new DicomFile(FileMetaInformation.forDataSet(dataSet, ts), dataSet);
    }

    public TransferSyntax transferSyntax() throws DicomParseException {
        return FileMetaInformation.transferSyntax(fileMetaInformation);
    }

    public static DicomFile read(Path path) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 65536)) {
            return read(in, Files.size(path), DataSetReader.Limits.DEFAULT);
        }
    }

    public static DicomFile read(InputStream in) throws IOException {
        return read(in, -1, DataSetReader.Limits.DEFAULT);
    }

    /**
     * Reads a Part 10 stream.
     *
     * @param length the stream's length if known, else -1 (enables early length checks)
     */
    public static DicomFile read(InputStream in, long length, DataSetReader.Limits limits) throws IOException {
        DicomInput input = new DicomInput(in, length);
        Attributes fmi = readFileMetaInformation(input, limits);
        TransferSyntax ts = FileMetaInformation.transferSyntax(fmi);
        if (!ts.isSupported()) {
            throw new DicomParseException("transfer syntax not supported: " + ts, input.position());
        }
        DataSetReader reader = ts.deflated()
                ? new DataSetReader(new DicomInput(
                        new InflaterInputStream(input.remaining(), new Inflater(true)), -1), ts, limits)
                : new DataSetReader(input, ts, limits);
        return new DicomFile(fmi, reader.readDataSet());
    }

    /**
     * Reads only the File Meta Information of a Part 10 file and where its data set starts: what a
     * sender needs to pass the data set on byte for byte, in whatever transfer syntax it is
     * stored in, including ones this codec cannot decode.
     *
     * @throws DicomParseException not a Part 10 file, or its File Meta Information does not name the
     *     SOP Class, SOP Instance and Transfer Syntax
     */
    public static Header readHeader(Path path) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 8192)) {
            DicomInput input = new DicomInput(in, Files.size(path));
            Attributes fmi = readFileMetaInformation(input, DataSetReader.Limits.DEFAULT);
            for (Tag required : List.of(Tag.MediaStorageSOPClassUID, Tag.MediaStorageSOPInstanceUID,
                    Tag.TransferSyntaxUID)) {
                if (fmi.getString(required) == null) {
                    throw new DicomParseException("File Meta Information has no " + required, input.position());
                }
            }
            return new Header(fmi, input.position());
        }
    }

    /** The data set bytes of a Part 10 file exactly as stored, not decoded. */
    public static byte[] readDataSetBytes(Path path, Header header) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            in.skipNBytes(header.dataSetOffset());
            return in.readAllBytes();
        }
    }

    /**
     * The File Meta Information of a Part 10 file and the offset of its first data set byte.
     *
     * @param fileMetaInformation group 0002, with SOP Class, SOP Instance and Transfer Syntax UIDs
     */
    public record Header(Attributes fileMetaInformation, long dataSetOffset) {
        public String sopClassUid() {
            return fileMetaInformation.getString(Tag.MediaStorageSOPClassUID);
        }

        public String sopInstanceUid() {
            return fileMetaInformation.getString(Tag.MediaStorageSOPInstanceUID);
        }

        public String transferSyntaxUid() {
            return fileMetaInformation.getString(Tag.TransferSyntaxUID);
        }
    }

    private static Attributes readFileMetaInformation(DicomInput input, DataSetReader.Limits limits)
            throws IOException {
        input.readSmall(PREAMBLE_LENGTH);
        byte[] magic = input.readSmall(4);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new DicomParseException("not a DICOM Part 10 file: no DICM prefix after the preamble", PREAMBLE_LENGTH);
        }
        return new DataSetReader(input, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, limits).readFileMetaInformation();
    }

    public void write(Path path) throws IOException {
        write(path, DataSetWriter.SequenceLength.UNDEFINED);
    }

    public void write(Path path, DataSetWriter.SequenceLength sequenceLength) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 65536)) {
            write(out, sequenceLength);
        }
    }

    /**
     * Writes preamble (zeros, PS3.10 7.1), prefix, File Meta Information with a recalculated
     * group length, and the data set. The stream is flushed, not closed.
     */
    public void write(OutputStream out, DataSetWriter.SequenceLength sequenceLength) throws IOException {
        TransferSyntax ts = transferSyntax();
        writeHeader(out, fileMetaInformation);
        new DataSetWriter(out, ts, sequenceLength).writeDataSet(dataSet);
        out.flush();
    }

    /**
     * Preamble, prefix and File Meta Information: what goes before a data set that is already
     * encoded, such as one received over the network and spooled exactly as it came.
     */
    public static byte[] encodeHeader(Attributes fileMetaInformation) throws IOException {
        FileMetaInformation.transferSyntax(fileMetaInformation); // without it the file could not be read back
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        writeHeader(out, fileMetaInformation);
        return out.toByteArray();
    }

    private static void writeHeader(OutputStream out, Attributes fileMetaInformation) throws IOException {
        Attributes fmi = fileMetaInformation.deepCopy();
        if (!fmi.contains(Tag.FileMetaInformationGroupLength)) {
            fmi.setInt(Tag.FileMetaInformationGroupLength, 0); // value recalculated by the writer
        }
        for (int tag : fmi.tags()) {
            if (Tag.group(tag) != 0x0002) {
                throw new IllegalArgumentException("File Meta Information holds " + Tag.toString(tag));
            }
        }
        out.write(new byte[PREAMBLE_LENGTH]);
        out.write(MAGIC);
        new DataSetWriter(out, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeDataSet(fmi);
    }
}
