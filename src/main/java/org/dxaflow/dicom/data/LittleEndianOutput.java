package org.dxaflow.dicom.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Little endian primitive writes; the only byte order the codec supports. */
final class LittleEndianOutput {

    private final OutputStream out;
    private final byte[] buf = new byte[4];

    LittleEndianOutput(OutputStream out) {
        this.out = out;
    }

    void tag(int tag) throws IOException {
        uint16(tag >>> 16);
        uint16(tag & 0xFFFF);
    }

    void uint16(int v) throws IOException {
        buf[0] = (byte) v;
        buf[1] = (byte) (v >>> 8);
        out.write(buf, 0, 2);
    }

    void uint32(long v) throws IOException {
        buf[0] = (byte) v;
        buf[1] = (byte) (v >>> 8);
        buf[2] = (byte) (v >>> 16);
        buf[3] = (byte) (v >>> 24);
        out.write(buf, 0, 4);
    }

    void ascii(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
    }

    void bytes(byte[] b) throws IOException {
        out.write(b);
    }
}
