package org.dxaflow.dicom.net;

/**
 * Upper-layer states, named after PS3.8 table 9-10. Sta9-Sta12 (release collision) are folded into
 * {@link #STA7_AWAITING_RELEASE_RP}: a requestor that receives A-RELEASE-RQ there answers it and
 * keeps waiting for its own A-RELEASE-RP, which is the outcome PS3.8 prescribes.
 */
public enum ProtocolState {
    STA1_IDLE,
    STA2_AWAITING_ASSOCIATE_RQ,
    STA3_AWAITING_LOCAL_ASSOCIATE_RESPONSE,
    STA4_AWAITING_TRANSPORT_OPEN,
    STA5_AWAITING_ASSOCIATE_AC_OR_RJ,
    STA6_ESTABLISHED,
    STA7_AWAITING_RELEASE_RP,
    STA8_AWAITING_LOCAL_RELEASE_RESPONSE,
    STA13_AWAITING_TRANSPORT_CLOSE
}
