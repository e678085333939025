package org.dxaflow.dicom.dimse;

/** N-SET-RSP (PS3.7 10.3.3.2). */
public record NSetRsp(int messageIdBeingRespondedTo, String affectedSopClassUid, String affectedSopInstanceUid,
                      int status, String errorComment) implements DimseResponse {
    @Override
    public int commandField() {
        return CommandField.N_SET_RSP;
    }

    @Override
    public CommandSet toCommandSet(boolean dataSetPresent) {
        return DimseCommand.base(commandField(), dataSetPresent)
                .string(CommandTags.AFFECTED_SOP_CLASS_UID, affectedSopClassUid)
                .us(CommandTags.MESSAGE_ID_BEING_RESPONDED_TO, messageIdBeingRespondedTo)
                .us(CommandTags.STATUS, status)
                .string(CommandTags.ERROR_COMMENT, DimseCommand.errorComment(errorComment))
                .string(CommandTags.AFFECTED_SOP_INSTANCE_UID, affectedSopInstanceUid).build();
    }

    static NSetRsp from(CommandSet cs) throws DimseFormatException {
        return new NSetRsp(DimseCommand.requireUs(cs, CommandTags.MESSAGE_ID_BEING_RESPONDED_TO, "N-SET-RSP"),
                cs.string(CommandTags.AFFECTED_SOP_CLASS_UID).orElse(null),
                cs.string(CommandTags.AFFECTED_SOP_INSTANCE_UID).orElse(null),
                DimseCommand.requireUs(cs, CommandTags.STATUS, "N-SET-RSP"),
                cs.string(CommandTags.ERROR_COMMENT).orElse(null));
    }
}
