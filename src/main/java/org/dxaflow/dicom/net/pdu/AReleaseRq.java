package org.dxaflow.dicom.net.pdu;

/** A-RELEASE-RQ PDU (PS3.8 9.3.6): fixed 4 reserved bytes. */
public record AReleaseRq() implements Pdu {
    @Override
    public int type() {
        return TYPE_RELEASE_RQ;
    }
}
