package org.dxaflow.dicom.data;

/**
 * Command group (0000,xxxx) attributes of PS3.7 E.1, for the DIMSE codec. Kept apart from
 * {@link Tag} only to keep files small; {@link Dictionary} knows both. Command sets are always
 * Implicit VR Little Endian (PS3.7 6.3.1), so the VRs here are what a decoder must assume.
 */
public final class CommandTag {

    private CommandTag() {
    }

    public static final Tag CommandGroupLength = new Tag(0x00000000, VR.UL, "CommandGroupLength");
    public static final Tag AffectedSOPClassUID = new Tag(0x00000002, VR.UI, "AffectedSOPClassUID");
    public static final Tag RequestedSOPClassUID = new Tag(0x00000003, VR.UI, "RequestedSOPClassUID");
    public static final Tag CommandField = new Tag(0x00000100, VR.US, "CommandField");
    public static final Tag MessageID = new Tag(0x00000110, VR.US, "MessageID");
    public static final Tag MessageIDBeingRespondedTo = new Tag(0x00000120, VR.US, "MessageIDBeingRespondedTo");
    public static final Tag MoveDestination = new Tag(0x00000600, VR.AE, "MoveDestination");
    public static final Tag Priority = new Tag(0x00000700, VR.US, "Priority");
    public static final Tag CommandDataSetType = new Tag(0x00000800, VR.US, "CommandDataSetType");
    public static final Tag Status = new Tag(0x00000900, VR.US, "Status");
    public static final Tag OffendingElement = new Tag(0x00000901, VR.AT, "OffendingElement");
    public static final Tag ErrorComment = new Tag(0x00000902, VR.LO, "ErrorComment");
    public static final Tag ErrorID = new Tag(0x00000903, VR.US, "ErrorID");
    public static final Tag AffectedSOPInstanceUID = new Tag(0x00001000, VR.UI, "AffectedSOPInstanceUID");
    public static final Tag RequestedSOPInstanceUID = new Tag(0x00001001, VR.UI, "RequestedSOPInstanceUID");
    public static final Tag EventTypeID = new Tag(0x00001002, VR.US, "EventTypeID");
    public static final Tag AttributeIdentifierList = new Tag(0x00001005, VR.AT, "AttributeIdentifierList");
    public static final Tag ActionTypeID = new Tag(0x00001008, VR.US, "ActionTypeID");
    public static final Tag NumberOfRemainingSuboperations = new Tag(0x00001020, VR.US, "NumberOfRemainingSuboperations");
    public static final Tag NumberOfCompletedSuboperations = new Tag(0x00001021, VR.US, "NumberOfCompletedSuboperations");
    public static final Tag NumberOfFailedSuboperations = new Tag(0x00001022, VR.US, "NumberOfFailedSuboperations");
    public static final Tag NumberOfWarningSuboperations = new Tag(0x00001023, VR.US, "NumberOfWarningSuboperations");
    public static final Tag MoveOriginatorApplicationEntityTitle = new Tag(0x00001030, VR.AE, "MoveOriginatorApplicationEntityTitle");
    public static final Tag MoveOriginatorMessageID = new Tag(0x00001031, VR.US, "MoveOriginatorMessageID");
}
