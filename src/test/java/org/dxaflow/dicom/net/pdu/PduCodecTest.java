package org.dxaflow.dicom.net.pdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Byte layouts from PS3.8 section 9.3; expected bytes are written out from the standard's tables. */
class PduCodecTest {
    private final PduEncoder encoder = new PduEncoder();
    private final PduDecoder decoder = new PduDecoder();

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void fixedSizePdusMatchPs38Tables() {
        // 9.3.6: type 05, reserved, length 4, 4 reserved bytes
        assertArrayEquals(hex("05 00 00000004 00000000"), encoder.encode(new AReleaseRq()));
        assertArrayEquals(hex("06 00 00000004 00000000"), encoder.encode(new AReleaseRp()));
        // 9.3.8: reserved, reserved, source, reason
        assertArrayEquals(hex("07 00 00000004 0000 02 06"), encoder.encode(AAbort.byProvider(6)));
        // 9.3.4: reserved, result, source, reason
        assertArrayEquals(hex("03 00 00000004 00 01 01 07"), encoder.encode(new AAssociateRj(1, 1, 7)));
    }

    @Test
    void pDataTfLayout() {
        // 9.3.5 / E.2: item length covers context id + control header + data
        PDataTf p = new PDataTf(List.of(new PresentationDataValue(1, true, true, hex("aabbccdd"))));
        assertArrayEquals(hex("04 00 0000000a 00000006 01 03 aabbccdd"), encoder.encode(p));
        PDataTf q = new PDataTf(List.of(new PresentationDataValue(3, false, false, hex("01"))));
        assertArrayEquals(hex("04 00 00000007 00000003 03 00 01"), encoder.encode(q));
    }

    @Test
    void associateRqHasFixedFieldsAtStandardOffsets() {
        AAssociateRq rq = sampleRq();
        byte[] b = encoder.encode(rq);
        assertEquals(0x01, b[0]);
        assertEquals(b.length - 6, ((b[2] & 0xFF) << 24) | ((b[3] & 0xFF) << 16) | ((b[4] & 0xFF) << 8) | (b[5] & 0xFF));
        assertEquals(0x0001, ((b[6] & 0xFF) << 8) | (b[7] & 0xFF), "protocol version");
        assertEquals("CALLED          ", new String(b, 10, 16), "called AE, space padded to 16");
        assertEquals("CALLING         ", new String(b, 26, 16));
        for (int i = 42; i < 74; i++) {
            assertEquals(0, b[i], "reserved byte " + i);
        }
        // first item after the 68 fixed bytes: application context 0x10
        assertEquals(0x10, b[74]);
        assertEquals(21, ((b[76] & 0xFF) << 8) | (b[77] & 0xFF));
        assertEquals("1.2.840.10008.3.1.1.1", new String(b, 78, 21));
    }

    @Test
    void associateRqRoundTrip() throws Exception {
        AAssociateRq rq = sampleRq();
        byte[] b = encoder.encode(rq);
        Pdu back = decoder.decode(b[0], java.util.Arrays.copyOfRange(b, 6, b.length));
        assertEquals(rq.calledAeTitle(), ((AAssociateRq) back).calledAeTitle());
        assertEquals(rq.presentationContexts(), ((AAssociateRq) back).presentationContexts());
        UserInformation ui = ((AAssociateRq) back).userInformation();
        assertEquals(16384, ui.maxPduLength());
        assertEquals("1.2.3.4", ui.implementationClassUid());
        assertEquals("TEST_1", ui.implementationVersionName());
        assertEquals(List.of(new RoleSelection("1.2.840.10008.5.1.4.1.1.7", true, false)), ui.roleSelections());
        assertEquals(1, ui.otherItems().size());
        assertEquals(0x58, ui.otherItems().get(0).type());
        assertArrayEquals(encoder.encode(rq), encoder.encode(back), "re-encoding is byte-identical");
    }

    @Test
    void associateAcRoundTrip() throws Exception {
        AAssociateAc ac = new AAssociateAc(1, "CALLED", "CALLING", "1.2.840.10008.3.1.1.1",
                List.of(new PresentationContextAc(1, 0, "1.2.840.10008.1.2"),
                        new PresentationContextAc(3, 3, "1.2.840.10008.1.2.1")),
                UserInformation.of(0, "1.2.3", null));
        byte[] b = encoder.encode(ac);
        AAssociateAc back = (AAssociateAc) decoder.decode(b[0], java.util.Arrays.copyOfRange(b, 6, b.length));
        assertEquals(ac, back);
    }

    static AAssociateRq sampleRq() {
        UserInformation ui = new UserInformation(16384, "1.2.3.4", "TEST_1", -1, -1,
                List.of(new RoleSelection("1.2.840.10008.5.1.4.1.1.7", true, false)),
                List.of(new RawItem(0x58, hex("01 00 0004 75736572 0000"))));
        return new AAssociateRq(1, "CALLED", "CALLING", "1.2.840.10008.3.1.1.1",
                List.of(new PresentationContextRq(1, "1.2.840.10008.1.1", List.of("1.2.840.10008.1.2")),
                        new PresentationContextRq(3, "1.2.840.10008.5.1.4.1.1.7",
                                List.of("1.2.840.10008.1.2.1", "1.2.840.10008.1.2"))), ui);
    }

    private PduFormatException decodeError(String hexPdu) {
        byte[] b = hex(hexPdu);
        return assertThrows(PduFormatException.class,
                () -> new PduReader(new ByteArrayInputStream(b), 1 << 20).read());
    }

    @Test
    void strictValidation() {
        assertEquals(AAbort.REASON_UNRECOGNIZED_PDU, decodeError("09 00 00000004 00000000").abortReason());
        assertEquals(AAbort.REASON_INVALID_PARAMETER_VALUE, decodeError("05 00 00000005 0000000000").abortReason());
        // PDV item claiming more bytes than the PDU holds
        decodeError("04 00 00000008 000000ff 01 03 aabb");
        // PDV with reserved control bits set
        decodeError("04 00 00000007 00000003 01 07 aa");
        // PDV item length < 2
        decodeError("04 00 00000006 00000001 01 03");
        // even presentation context id
        decodeError("04 00 00000007 00000003 02 03 aa");
        // empty P-DATA-TF
        decodeError("04 00 00000000");
        // RJ with invalid result
        decodeError("03 00 00000004 00 07 01 01");
    }

    @Test
    void mutilatedAssociateRqIsRejected() throws Exception {
        byte[] good = encoder.encode(sampleRq());
        // cut inside the user information item but fix the PDU length: item length now lies
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 5);
        int len = cut.length - 6;
        cut[2] = (byte) (len >>> 24);
        cut[3] = (byte) (len >>> 16);
        cut[4] = (byte) (len >>> 8);
        cut[5] = (byte) len;
        assertThrows(PduFormatException.class, () -> new PduReader(new ByteArrayInputStream(cut), 1 << 20).read());
        // without the length fix the stream is simply truncated
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 5);
        assertThrows(EOFException.class, () -> new PduReader(new ByteArrayInputStream(truncated), 1 << 20).read());
    }

    @Test
    void hugeClaimedLengthIsRefusedBeforeAllocation() {
        // A stream that would hand out 4 GiB: the reader must refuse after the 6-byte header.
        InputStream endless = new InputStream() {
            int n;

            @Override
            public int read() {
                n++;
                return switch (n) {
                    case 1 -> 0x04;
                    case 2 -> 0x00;
                    case 3, 4, 5, 6 -> 0xFF;
                    default -> throw new AssertionError("reader read past the header");
                };
            }
        };
        PduFormatException e = assertThrows(PduFormatException.class, () -> new PduReader(endless, 65536).read());
        assertEquals(AAbort.REASON_INVALID_PARAMETER_VALUE, e.abortReason());
    }

    @Test
    void cleanEndOfStreamBetweenPdusIsNull() throws Exception {
        assertNull(new PduReader(new ByteArrayInputStream(new byte[0]), 4096).read());
        assertThrows(EOFException.class, () -> new PduReader(new ByteArrayInputStream(hex("0500")), 4096).read());
        Pdu p = new PduReader(new ByteArrayInputStream(hex("07 00 00000004 0000 00 00")), 4096).read();
        assertInstanceOf(AAbort.class, p);
    }
}
