package org.dxaflow.dicom.net.pdu;

/**
 * One PDV item of a P-DATA-TF (PS3.8 9.3.5.1 and annex E.2).
 *
 * <p>The message control header is bit 0 = command (1) / data set (0), bit 1 = last fragment; the
 * remaining bits must be zero, which the decoder enforces.
 *
 * <p>The fragment's bytes are shared, not copied (every PDV of every association passes through
 * here); nothing that holds one writes to it.
 */
public record PresentationDataValue(int presentationContextId, boolean command, boolean last,
                                    byte[] data) {
    public PresentationDataValue {
        if (presentationContextId < 1 || presentationContextId > 255) {
            throw new IllegalArgumentException("presentation context id out of range: "
                    + presentationContextId);
        }
    }

    public int controlHeader() {
        return (command ? 0x01 : 0) | (last ? 0x02 : 0);
    }

    /** Bytes this PDV occupies in a P-DATA-TF variable field: length(4) + pc id(1) + header(1). */
    public int encodedLength() {
        return 6 + data.length;
    }
}
