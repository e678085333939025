package org.dxaflow.dicom.net.pdu;

/**
 * One of the seven upper-layer PDUs of PS3.8 section 9.3.
 *
 * <p>Sealed so that state-machine code can switch exhaustively over PDU kinds and the compiler tells
 * us when a kind is not handled.
 */
public sealed interface Pdu permits AAssociateRq, AAssociateAc, AAssociateRj, PDataTf, AReleaseRq,
        AReleaseRp, AAbort {

    int TYPE_ASSOCIATE_RQ = 0x01;
    int TYPE_ASSOCIATE_AC = 0x02;
    int TYPE_ASSOCIATE_RJ = 0x03;
    int TYPE_P_DATA_TF = 0x04;
    int TYPE_RELEASE_RQ = 0x05;
    int TYPE_RELEASE_RP = 0x06;
    int TYPE_ABORT = 0x07;

    /** The PDU-type byte. */
    int type();
}
