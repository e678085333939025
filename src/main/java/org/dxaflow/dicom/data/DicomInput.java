package org.dxaflow.dicom.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Arrays;

/**
 * Little endian primitive reads over a stream with position tracking, a one-tag look-ahead and
 * allocation that never trusts a length field: values are read in bounded chunks, so a forged
 * length on a short stream fails with "truncated" after allocating only what actually arrived.
 */
final class DicomInput {

    /** Values up to this size are read with one allocation; larger ones grow chunk by chunk. */
    private static final int CHUNK = 1 << 20;

    private final PushbackInputStream in;
    private final long knownLength;
    private long position;

    /**
     * @param knownLength total bytes the stream will deliver if known (byte array, file), else -1;
     *        lets length checks fail before reading anything
     */
    DicomInput(InputStream in, long knownLength) {
        this.in = new PushbackInputStream(in, 8);
        this.knownLength = knownLength;
    }

    /**
     * The remaining bytes as a stream, including any looked-ahead bytes; for switching to a
     * deflated data set after the file meta. Reads through it are not counted in position().
     */
    InputStream remaining() {
        return in;
    }

    long position() {
        return position;
    }

    /** The absolute position the stream ends at, or Long.MAX_VALUE if unknown. */
    long end() {
        return knownLength < 0 ? Long.MAX_VALUE : knownLength;
    }

    /** True if no byte is left; reads ahead one byte to know. */
    boolean atEnd() throws IOException {
        int b = in.read();
        if (b < 0) {
            return true;
        }
        in.unread(b);
        return false;
    }

    /** Reads the next tag without consuming it, or returns -1L at the end of the stream. */
    long peekTag() throws IOException {
        byte[] b = new byte[4];
        int n = in.readNBytes(b, 0, 4);
        if (n > 0) {
            in.unread(b, 0, n);
        }
        if (n < 4) {
            return -1L;
        }
        return toTag(b, 0) & 0xFFFFFFFFL;
    }

    int readTag() throws IOException {
        byte[] b = readSmall(4);
        return toTag(b, 0);
    }

    int readUInt16() throws IOException {
        byte[] b = readSmall(2);
        return (b[0] & 0xFF) | (b[1] & 0xFF) << 8;
    }

    /** Unsigned 32 bit value in a long (lengths go up to 0xFFFFFFFF). */
    long readUInt32() throws IOException {
        byte[] b = readSmall(4);
        return (b[0] & 0xFFL) | (b[1] & 0xFFL) << 8 | (b[2] & 0xFFL) << 16 | (b[3] & 0xFFL) << 24;
    }

    byte[] readSmall(int n) throws IOException {
        byte[] b = new byte[n];
        int got = in.readNBytes(b, 0, n);
        position += got;
        if (got < n) {
            throw new DicomParseException("unexpected end of data: needed " + n + " bytes, got " + got, position);
        }
        return b;
    }

    /**
     * Reads a value of {@code length} bytes; the caller has already checked the length against
     * its limits. Allocates at most one chunk beyond what the stream really delivered.
     */
    byte[] readValue(long length) throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new DicomParseException("value length " + length + " cannot be held in memory", position);
        }
        int n = (int) length;
        if (n <= CHUNK || knownLength >= 0) {
            return readSmall(n);
        }
        byte[] buf = new byte[CHUNK];
        int filled = 0;
        while (filled < n) {
            if (filled == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(n, (long) buf.length * 2));
            }
            int got = in.readNBytes(buf, filled, Math.min(buf.length, n) - filled);
            if (got == 0) {
                position += filled;
                throw new DicomParseException("unexpected end of data: value of " + n
                        + " bytes has only " + filled, position);
            }
            filled += got;
        }
        position += n;
        return buf.length == n ? buf : Arrays.copyOf(buf, n);
    }

    private static int toTag(byte[] b, int off) {
        int group = (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
        int element = (b[off + 2] & 0xFF) | (b[off + 3] & 0xFF) << 8;
        return group << 16 | element;
    }
}
