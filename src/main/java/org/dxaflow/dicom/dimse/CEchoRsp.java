package org.dxaflow.dicom.dimse;

/** C-ECHO-RSP (PS3.7 9.3.5.2). */
public record CEchoRsp(int messageIdBeingRespondedTo, String affectedSopClassUid, int status,
                       String errorComment) implements DimseResponse {
    @Override
    public int commandField() {
        return CommandField.C_ECHO_RSP;
    }

    @Override
    public CommandSet toCommandSet(boolean dataSetPresent) {
        return DimseCommand.base(commandField(), dataSetPresent)
                .string(CommandTags.AFFECTED_SOP_CLASS_UID, affectedSopClassUid)
                .us(CommandTags.MESSAGE_ID_BEING_RESPONDED_TO, messageIdBeingRespondedTo)
                .us(CommandTags.STATUS, status)
                .string(CommandTags.ERROR_COMMENT, DimseCommand.errorComment(errorComment)).build();
    }

    static CEchoRsp from(CommandSet cs) throws DimseFormatException {
        return new CEchoRsp(DimseCommand.requireUs(cs, CommandTags.MESSAGE_ID_BEING_RESPONDED_TO, "C-ECHO-RSP"),
                cs.string(CommandTags.AFFECTED_SOP_CLASS_UID).orElse(null),
                DimseCommand.requireUs(cs, CommandTags.STATUS, "C-ECHO-RSP"),
                cs.string(CommandTags.ERROR_COMMENT).orElse(null));
    }
}
