package org.dxaflow.dicom.dimse;

/**
 * N-ACTION-RQ (PS3.7 10.3.4.1): asks the SCP to perform an action on a SOP instance, e.g. Storage
 * Commitment's "Request Storage Commitment" (Action Type 1, PS3.4 J.3.2). The action information
 * travels as the data set.
 */
public record NActionRq(int messageId, String requestedSopClassUid, String requestedSopInstanceUid,
                        int actionTypeId) implements DimseRequest {
    @Override
    public int commandField() {
        return CommandField.N_ACTION_RQ;
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
                .string(CommandTags.REQUESTED_SOP_INSTANCE_UID, requestedSopInstanceUid)
                .us(CommandTags.ACTION_TYPE_ID, actionTypeId).build();
    }

    static NActionRq from(CommandSet cs) throws DimseFormatException {
        return new NActionRq(DimseCommand.requireUs(cs, CommandTags.MESSAGE_ID, "N-ACTION-RQ"),
                DimseCommand.requireString(cs, CommandTags.REQUESTED_SOP_CLASS_UID, "N-ACTION-RQ"),
                DimseCommand.requireString(cs, CommandTags.REQUESTED_SOP_INSTANCE_UID, "N-ACTION-RQ"),
                DimseCommand.requireUs(cs, CommandTags.ACTION_TYPE_ID, "N-ACTION-RQ"));
    }
}
