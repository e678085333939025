package org.dxaflow.dicom.dimse;

/** N-SET-RQ (PS3.7 10.3.3.1); the modification list travels as the data set. */
public record NSetRq(int messageId, String requestedSopClassUid, String requestedSopInstanceUid)
        implements DimseRequest {
    @Override
    public int commandField() {
        return CommandField.N_SET_RQ;
    }

    @Override
    public String sopClassUid() {
        return requestedSopClassUid;
    }

    @Override
    public CommandSet toCommandSet(boolean dataSetPresent) {
        return DimseCommand.base(commandField(), dataSetPresent)
                .string(CommandTags.REQUESTED_SOP_CLASS_UID, requestedSopClassUid)
                .us(CommandTags.MESSAGE_ID, messageId)
                .string(CommandTags.REQUESTED_SOP_INSTANCE_UID, requestedSopInstanceUid).build();
    }

    static NSetRq from(CommandSet cs) throws DimseFormatException {
        return new NSetRq(DimseCommand.requireUs(cs, CommandTags.MESSAGE_ID, "N-SET-RQ"),
                DimseCommand.requireString(cs, CommandTags.REQUESTED_SOP_CLASS_UID, "N-SET-RQ"),
                DimseCommand.requireString(cs, CommandTags.REQUESTED_SOP_INSTANCE_UID, "N-SET-RQ"));
    }
}
