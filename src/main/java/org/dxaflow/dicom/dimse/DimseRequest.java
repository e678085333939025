package org.dxaflow.dicom.dimse;

/** A request: carries a MessageID that responses refer to. */
public sealed interface DimseRequest extends DimseCommand
        permits CEchoRq, CStoreRq, CFindRq, NCreateRq, NSetRq, NActionRq, NEventReportRq {
    int messageId();

    /** The SOP class the request is about (Affected or Requested SOP Class UID). */
    String sopClassUid();
}
