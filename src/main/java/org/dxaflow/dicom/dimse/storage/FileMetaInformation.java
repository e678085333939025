package org.dxaflow.dicom.dimse.storage;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The PS3.10 7.1 File Meta Information we need to write spool files and to send files: a minimal
 * stand-in until the data layer provides full Part 10 support.
 *
 * @param sourceAeTitle (0002,0016), null to omit
 */
public record FileMetaInformation(String mediaStorageSopClassUid, String mediaStorageSopInstanceUid,
                                  String transferSyntaxUid, String implementationClassUid,
                                  String implementationVersionName, String sourceAeTitle) {

    /** Preamble (128 zero bytes), "DICM", then group 0002 in Explicit VR Little Endian. */
    public byte[] encode() {
        ByteArrayOutputStream group = new ByteArrayOutputStream(256);
        // (0002,0001) FileMetaInformationVersion OB = 00\01
        element(group, 0x0001, "OB", new byte[] {0x00, 0x01});
        element(group, 0x0002, "UI", uid(mediaStorageSopClassUid));
        element(group, 0x0003, "UI", uid(mediaStorageSopInstanceUid));
        element(group, 0x0010, "UI", uid(transferSyntaxUid));
        element(group, 0x0012, "UI", uid(implementationClassUid));
        if (implementationVersionName != null) {
            element(group, 0x0013, "SH", text(implementationVersionName));
        }
        if (sourceAeTitle != null && !sourceAeTitle.isEmpty()) {
            element(group, 0x0016, "AE", text(sourceAeTitle));
        }
        byte[] body = group.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(132 + 12 + body.length);
        out.write(new byte[128], 0, 128);
        out.write('D');
        out.write('I');
        out.write('C');
        out.write('M');
        element(out, 0x0000, "UL", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.length).array());
        out.write(body, 0, body.length);
        return out.toByteArray();
    }

    private static byte[] uid(String uid) {
        return pad(uid.getBytes(StandardCharsets.US_ASCII), (byte) 0);
    }

    private static byte[] text(String s) {
        return pad(s.getBytes(StandardCharsets.US_ASCII), (byte) ' ');
    }

    private static byte[] pad(byte[] b, byte pad) {
        if (b.length % 2 == 0) {
            return b;
        }
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, b.length);
        out[b.length] = pad;
        return out;
    }

    private static void element(ByteArrayOutputStream out, int element, String vr, byte[] value) {
        boolean longForm = Part10Reader.isLongLengthVr(vr);
        ByteBuffer h = ByteBuffer.allocate(longForm ? 12 : 8).order(ByteOrder.LITTLE_ENDIAN);
        h.putShort((short) 0x0002).putShort((short) element).put(vr.getBytes(StandardCharsets.US_ASCII));
        if (longForm) {
            h.putShort((short) 0).putInt(value.length);
        } else {
            h.putShort((short) value.length);
        }
        out.write(h.array(), 0, h.capacity());
        out.write(value, 0, value.length);
    }
}
