package org.dxaflow.dicom.net.pdu;

/**
 * A PDU (or one of its items) violates PS3.8 section 9.3 structure rules.
 *
 * <p>Carries the A-ABORT reason (PS3.8 table 9-26, source 2 = service provider) so the association
 * can answer a malformed PDU with an A-ABORT that tells the peer what was wrong instead of silently
 * dropping the connection.
 */
public final class PduFormatException extends Exception {
    private final int abortReason;

    public PduFormatException(int abortReason, String message) {
        super(message);
        this.abortReason = abortReason;
    }

    /** One of the {@link AAbort} REASON_* constants. */
    public int abortReason() {
        return abortReason;
    }
}
