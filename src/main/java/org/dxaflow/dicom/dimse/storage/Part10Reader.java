package org.dxaflow.dicom.dimse.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Minimal PS3.10 reader: just enough File Meta Information to send a file (SOP class/instance,
 * transfer syntax) and where the data set starts. Full parsing belongs to the data layer.
 */
public final class Part10Reader {
    /** Explicit VR with 2 reserved bytes and a 32-bit length (PS3.5 7.1.2). */
    private static final Set<String> LONG_LENGTH_VRS =
            Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");
    /** The meta group is a few hundred bytes; refuse to buffer a lying group length. */
    private static final int MAX_META_LENGTH = 64 * 1024;

    /** Meta plus the offset of the first data set byte. */
    public record Part10Header(FileMetaInformation meta, long dataSetOffset) {
    }

    private Part10Reader() {
    }

    static boolean isLongLengthVr(String vr) {
        return LONG_LENGTH_VRS.contains(vr);
    }

    public static Part10Header readHeader(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(132);
            if (head.length < 132 || head[128] != 'D' || head[129] != 'I' || head[130] != 'C' || head[131] != 'M') {
                throw new InvalidPart10Exception(file + ": no DICM prefix at offset 128 (not a Part 10 file)");
            }
            byte[] meta = in.readNBytes(MAX_META_LENGTH);
            return parse(file, ByteBuffer.wrap(meta).order(ByteOrder.LITTLE_ENDIAN));
        }
    }

    private static Part10Header parse(Path file, ByteBuffer buf) throws InvalidPart10Exception {
        String sopClass = null;
        String sopInstance = null;
        String ts = null;
        String implClass = null;
        String implVersion = null;
        String sourceAe = null;
        long groupEnd = -1;
        while (true) {
            if (groupEnd >= 0 && buf.position() >= groupEnd) {
                break;
            }
            if (buf.remaining() < 8) {
                if (groupEnd < 0 && buf.position() > 0) {
                    break;
                }
                throw new InvalidPart10Exception(file + ": truncated file meta information");
            }
            int start = buf.position();
            int group = buf.getShort() & 0xFFFF;
            int element = buf.getShort() & 0xFFFF;
            if (group != 0x0002) {
                buf.position(start);
                break;
            }
            String vr = new String(new byte[] {buf.get(), buf.get()}, StandardCharsets.US_ASCII);
            long length;
            if (isLongLengthVr(vr)) {
                buf.getShort();
                length = buf.getInt() & 0xFFFFFFFFL;
            } else {
                length = buf.getShort() & 0xFFFF;
            }
            if (length > buf.remaining()) {
                throw new InvalidPart10Exception(file + ": meta element (0002," + Integer.toHexString(element)
                        + ") length " + length + " beyond meta");
            }
            byte[] value = new byte[(int) length];
            buf.get(value);
            switch (element) {
                case 0x0000 -> groupEnd = buf.position() + (ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN)
                        .getInt() & 0xFFFFFFFFL);
                case 0x0002 -> sopClass = text(value);
                case 0x0003 -> sopInstance = text(value);
                case 0x0010 -> ts = text(value);
                case 0x0012 -> implClass = text(value);
                case 0x0013 -> implVersion = text(value);
                case 0x0016 -> sourceAe = text(value);
                default -> { }
            }
        }
        if (sopClass == null || sopInstance == null || ts == null) {
            throw new InvalidPart10Exception(file + ": file meta lacks SOP class, instance or transfer syntax");
        }
        return new Part10Header(new FileMetaInformation(sopClass, sopInstance, ts, implClass, implVersion, sourceAe),
                132L + buf.position());
    }

    private static String text(byte[] v) {
        int end = v.length;
        while (end > 0 && (v[end - 1] == 0 || v[end - 1] == ' ')) {
            end--;
        }
        return new String(v, 0, end, StandardCharsets.US_ASCII).trim();
    }

    /** The data set bytes of a Part 10 file, exactly as stored. */
    public static byte[] readDataSet(Path file, Part10Header header) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(header.dataSetOffset());
            return in.readAllBytes();
        }
    }
}
