package org.dxaflow.dicom.net.pdu;

/**
 * A user-information sub-item we do not interpret (extended negotiation 0x56/0x57, user identity
 * 0x58/0x59, private items). Kept verbatim so nothing the peer said is silently lost and so that
 * round-trip encoding is exact.
 */
public record RawItem(int type, byte[] value) {
    public RawItem {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }
}
