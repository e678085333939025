package org.dxaflow.dicom.net.pdu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Big-endian writer for PDU encoding (the upper layer is big-endian, unlike DIMSE/data sets). */
final class ByteWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    ByteWriter u8(int v) {
        out.write(v & 0xFF);
        return this;
    }

    ByteWriter u16(int v) {
        out.write((v >>> 8) & 0xFF);
        out.write(v & 0xFF);
        return this;
    }

    ByteWriter u32(long v) {
        out.write((int) (v >>> 24) & 0xFF);
        out.write((int) (v >>> 16) & 0xFF);
        out.write((int) (v >>> 8) & 0xFF);
        out.write((int) v & 0xFF);
        return this;
    }

    ByteWriter bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    ByteWriter zeros(int n) {
        for (int i = 0; i < n; i++) {
            out.write(0);
        }
        return this;
    }

    /** AE titles are fixed 16-byte fields padded with spaces (PS3.8 table 9-11). */
    ByteWriter aeTitle(String ae) {
        byte[] b = ae.getBytes(StandardCharsets.US_ASCII);
        if (b.length > 16) {
            throw new IllegalArgumentException("AE title longer than 16 characters: " + ae);
        }
        bytes(b);
        for (int i = b.length; i < 16; i++) {
            out.write(' ');
        }
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
