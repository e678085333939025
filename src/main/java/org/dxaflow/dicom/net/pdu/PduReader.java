package org.dxaflow.dicom.net.pdu;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads whole PDUs from a transport stream.
 *
 * <p>The 32-bit length in the PDU header is attacker-controlled: it is checked against
 * {@code maxPduLength} <em>before</em> any buffer is allocated, so a peer claiming a 4 GiB PDU costs
 * us nothing. Fixed-size PDUs must declare exactly their size.
 */
public final class PduReader {
    private final InputStream in;
    private final long maxPduLength;
    private final PduDecoder decoder = new PduDecoder();

    /**
     * @param maxPduLength hard cap for the PDU body length we are willing to buffer; should be at
     *     least our advertised maximum P-DATA length and large enough for an A-ASSOCIATE-RQ
     */
    public PduReader(InputStream in, long maxPduLength) {
        this.in = in;
        this.maxPduLength = maxPduLength;
    }

    /**
     * @return the next PDU, or null on a clean end of stream between PDUs
     * @throws EOFException the stream ended inside a PDU (truncated)
     * @throws PduFormatException malformed PDU; the caller should A-ABORT
     */
    public Pdu read() throws IOException, PduFormatException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        byte[] rest = in.readNBytes(5);
        if (rest.length < 5) {
            throw new EOFException("truncated PDU header");
        }
        if (type < Pdu.TYPE_ASSOCIATE_RQ || type > Pdu.TYPE_ABORT) {
            throw new PduFormatException(AAbort.REASON_UNRECOGNIZED_PDU,
                    "unrecognized PDU type 0x" + Integer.toHexString(type));
        }
        long length = ((long) (rest[1] & 0xFF) << 24) | ((rest[2] & 0xFF) << 16) | ((rest[3] & 0xFF) << 8)
                | (rest[4] & 0xFF);
        boolean fixedSize = type == Pdu.TYPE_ASSOCIATE_RJ || type == Pdu.TYPE_RELEASE_RQ
                || type == Pdu.TYPE_RELEASE_RP || type == Pdu.TYPE_ABORT;
        if (fixedSize && length != 4) {
            throw new PduFormatException(AAbort.REASON_INVALID_PARAMETER_VALUE,
                    "PDU type " + type + " must have length 4, claims " + length);
        }
        if (length > maxPduLength) {
            throw new PduFormatException(AAbort.REASON_INVALID_PARAMETER_VALUE,
                    "PDU length " + length + " exceeds our limit " + maxPduLength);
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new EOFException("truncated PDU: " + body.length + " of " + length + " bytes");
        }
        return decoder.decode(type, body);
    }
}
