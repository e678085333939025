package org.dxaflow.dicom.dimse;

/** A response: refers to the request's MessageID and carries a Status. */
public sealed interface DimseResponse extends DimseCommand
        permits CEchoRsp, CStoreRsp, CFindRsp, NCreateRsp, NSetRsp, NActionRsp, NEventReportRsp {
    int messageIdBeingRespondedTo();

    int status();

    /** ErrorComment (0000,0902), null when absent. */
    String errorComment();
}
