package org.dxaflow.dicom.net.pdu;

/** A-RELEASE-RP PDU (PS3.8 9.3.7): fixed 4 reserved bytes. */
public record AReleaseRp() implements Pdu {
    @Override
    public int type() {
        return TYPE_RELEASE_RP;
    }
}
