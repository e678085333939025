package org.dxaflow.dicom.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds expected encodings by hand, following the layouts of PS3.5 7.1 and 7.5, so encoder
 * tests compare against the standard rather than against our own output.
 */
final class Bytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Bytes tag(int tag) {
        return u16(tag >>> 16).u16(tag & 0xFFFF);
    }

    Bytes u16(int v) {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
        return this;
    }

    Bytes u32(long v) {
        return u16((int) (v & 0xFFFF)).u16((int) ((v >>> 16) & 0xFFFF));
    }

    Bytes ascii(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    Bytes raw(int... values) {
        for (int v : values) {
            out.write(v);
        }
        return this;
    }

    Bytes raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /** Explicit VR element with a 16 bit length (PS3.5 Table 7.1-2). */
    Bytes shortElement(int tag, String vr, String value) {
        return tag(tag).ascii(vr).u16(value.length()).ascii(value);
    }

    /** Explicit VR header with reserved bytes and a 32 bit length (PS3.5 Table 7.1-1). */
    Bytes longHeader(int tag, String vr, long length) {
        return tag(tag).ascii(vr).u16(0).u32(length);
    }

    /** Implicit VR element (PS3.5 Table 7.1-3). */
    Bytes implicitElement(int tag, String value) {
        return tag(tag).u32(value.length()).ascii(value);
    }

    Bytes item(long length) {
        return tag(Tag.ITEM).u32(length);
    }

    Bytes itemEnd() {
        return tag(Tag.ITEM_DELIMITATION).u32(0);
    }

    Bytes sequenceEnd() {
        return tag(Tag.SEQUENCE_DELIMITATION).u32(0);
    }

    int size() {
        return out.size();
    }

    byte[] toArray() {
        return out.toByteArray();
    }
}
