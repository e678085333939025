package org.dxaflow.dicom.net.pdu;

import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked big-endian cursor over a PDU body.
 *
 * <p>Every read checks the remaining length first, so a lying item length turns into a
 * {@link PduFormatException} rather than an ArrayIndexOutOfBoundsException or an over-read into the
 * next item.
 */
final class ByteReader {
    private final byte[] buf;
    private int pos;
    private final int end;

    ByteReader(byte[] buf, int offset, int length) {
        this.buf = buf;
        this.pos = offset;
        this.end = offset + length;
    }

    int remaining() {
        return end - pos;
    }

    int position() {
        return pos;
    }

    private void need(int n, String what) throws PduFormatException {
        if (n < 0 || n > remaining()) {
            throw new PduFormatException(AAbort.REASON_INVALID_PARAMETER_VALUE,
                    what + ": needs " + n + " bytes, " + remaining() + " left");
        }
    }

    int u8(String what) throws PduFormatException {
        need(1, what);
        return buf[pos++] & 0xFF;
    }

    int u16(String what) throws PduFormatException {
        need(2, what);
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    long u32(String what) throws PduFormatException {
        need(4, what);
        long v = ((long) (buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16)
                | ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    byte[] bytes(int n, String what) throws PduFormatException {
        need(n, what);
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    void skip(int n, String what) throws PduFormatException {
        need(n, what);
        pos += n;
    }

    /** Sub-reader over the next n bytes; advances this reader past them. */
    ByteReader slice(int n, String what) throws PduFormatException {
        need(n, what);
        ByteReader r = new ByteReader(buf, pos, n);
        pos += n;
        return r;
    }

    /**
     * UIDs and AE titles in PDU items are ASCII; PS3.8 allows a trailing NUL/space pad, which we
     * strip so comparisons against configured UIDs work.
     */
    String ascii(int n, String what) throws PduFormatException {
        byte[] b = bytes(n, what);
        int len = b.length;
        while (len > 0 && (b[len - 1] == 0 || b[len - 1] == ' ')) {
            len--;
        }
        int start = 0;
        while (start < len && b[start] == ' ') {
            start++;
        }
        return new String(b, start, len - start, StandardCharsets.US_ASCII);
    }
}
