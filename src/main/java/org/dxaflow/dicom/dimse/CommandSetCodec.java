package org.dxaflow.dicom.dimse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Encodes/decodes command sets. PS3.7 6.3.1: command sets are always Implicit VR Little Endian,
 * whatever transfer syntax the presentation context negotiated for data sets, and start with
 * CommandGroupLength (0000,0000) UL holding the byte count of the elements that follow it.
 */
public final class CommandSetCodec {
    /** A command set is a handful of short elements; anything bigger is not a command set. */
    public static final int MAX_COMMAND_SET_LENGTH = 64 * 1024;

    public byte[] encode(CommandSet command) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(128);
        for (Map.Entry<Integer, Object> e : command.elements().entrySet()) {
            writeElement(body, e.getKey(), valueBytes(e.getKey(), e.getValue()));
        }
        byte[] b = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 12);
        writeElement(out, CommandTags.COMMAND_GROUP_LENGTH, le32(b.length));
        out.write(b, 0, b.length);
        return out.toByteArray();
    }

    public CommandSet decode(byte[] bytes) throws DimseFormatException {
        if (bytes.length > MAX_COMMAND_SET_LENGTH) {
            throw new DimseFormatException("command set of " + bytes.length + " bytes exceeds limit");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        CommandSet.Builder b = CommandSet.builder();
        long previousTag = -1;
        long declaredGroupLength = -1;
        int groupLengthEnd = -1;
        while (buf.hasRemaining()) {
            if (buf.remaining() < 8) {
                throw new DimseFormatException("truncated element header at offset " + buf.position());
            }
            int group = buf.getShort() & 0xFFFF;
            int element = buf.getShort() & 0xFFFF;
            long length = buf.getInt() & 0xFFFFFFFFL;
            int tag = (group << 16) | element;
            if (group != 0x0000) {
                throw new DimseFormatException("element " + CommandTags.hex(tag) + " outside group 0000");
            }
            if (tag <= previousTag) {
                throw new DimseFormatException("elements not in ascending order at " + CommandTags.hex(tag));
            }
            previousTag = tag;
            if (length > buf.remaining()) {
                throw new DimseFormatException("element " + CommandTags.hex(tag) + " length " + length
                        + " exceeds remaining " + buf.remaining());
            }
            byte[] value = new byte[(int) length];
            buf.get(value);
            if (tag == CommandTags.COMMAND_GROUP_LENGTH) {
                requireLength(tag, value, 4);
                declaredGroupLength = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
                groupLengthEnd = buf.position();
                continue;
            }
            put(b, tag, value);
        }
        if (declaredGroupLength >= 0 && declaredGroupLength != bytes.length - groupLengthEnd) {
            throw new DimseFormatException("CommandGroupLength " + declaredGroupLength + " but "
                    + (bytes.length - groupLengthEnd) + " bytes follow");
        }
        return b.build();
    }

    private static void put(CommandSet.Builder b, int tag, byte[] value) throws DimseFormatException {
        ByteBuffer v = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        switch (CommandTags.vrOf(tag)) {
            case US -> {
                requireLength(tag, value, 2);
                b.us(tag, v.getShort() & 0xFFFF);
            }
            case UI -> b.string(tag, trim(value, true));
            case AE, LO -> b.string(tag, trim(value, false));
            case AT -> {
                if (value.length % 4 != 0) {
                    throw new DimseFormatException(CommandTags.hex(tag) + " AT length not a multiple of 4");
                }
                int[] tags = new int[value.length / 4];
                for (int i = 0; i < tags.length; i++) {
                    int g = v.getShort() & 0xFFFF;
                    int e = v.getShort() & 0xFFFF;
                    tags[i] = (g << 16) | e;
                }
                b.tags(tag, tags);
            }
            case UL -> throw new DimseFormatException("unexpected UL element " + CommandTags.hex(tag));
            default -> b.raw(tag, value);
        }
    }

    private static void requireLength(int tag, byte[] value, int n) throws DimseFormatException {
        if (value.length != n) {
            throw new DimseFormatException(CommandTags.hex(tag) + " must have length " + n + ", has " + value.length);
        }
    }

    /** UI is NUL-padded, AE/LO space-padded (PS3.5 6.2); AE/LO leading spaces are insignificant too. */
    private static String trim(byte[] value, boolean uid) {
        int end = value.length;
        while (end > 0 && (value[end - 1] == 0 || value[end - 1] == ' ')) {
            end--;
        }
        int start = 0;
        while (!uid && start < end && value[start] == ' ') {
            start++;
        }
        return new String(value, start, end - start, uid ? StandardCharsets.US_ASCII : StandardCharsets.ISO_8859_1);
    }

    private static byte[] valueBytes(int tag, Object value) {
        return switch (CommandTags.vrOf(tag)) {
            case US -> ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) (int) (Integer) value)
                    .array();
            case UI -> padded(((String) value).getBytes(StandardCharsets.US_ASCII), (byte) 0);
            case AE, LO -> padded(((String) value).getBytes(StandardCharsets.ISO_8859_1), (byte) ' ');
            case AT -> {
                int[] tags = (int[]) value;
                ByteBuffer bb = ByteBuffer.allocate(tags.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (int t : tags) {
                    bb.putShort((short) (t >>> 16)).putShort((short) t);
                }
                yield bb.array();
            }
            case UL -> le32((Long) value);
            default -> (byte[]) value;
        };
    }

    /** Values have even length (PS3.5 7.1.1); pad with the VR's padding character. */
    private static byte[] padded(byte[] b, byte pad) {
        if (b.length % 2 == 0) {
            return b;
        }
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, b.length);
        out[b.length] = pad;
        return out;
    }

    private static byte[] le32(long v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
    }

    private static void writeElement(ByteArrayOutputStream out, int tag, byte[] value) {
        ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        h.putShort((short) (tag >>> 16)).putShort((short) tag).putInt(value.length);
        out.write(h.array(), 0, 8);
        out.write(value, 0, value.length);
    }
}
