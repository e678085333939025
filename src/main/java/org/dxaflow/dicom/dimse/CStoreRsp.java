package org.dxaflow.dicom.dimse;

/** C-STORE-RSP (PS3.7 9.3.1.2). */
public record CStoreRsp(int messageIdBeingRespondedTo, String affectedSopClassUid, String affectedSopInstanceUid,
                        int status, String errorComment) implements DimseResponse {
    @Override
    public int commandField() {
        return CommandField.C_STORE_RSP;
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

    static CStoreRsp from(CommandSet cs) throws DimseFormatException {
        return new CStoreRsp(DimseCommand.requireUs(cs, CommandTags.MESSAGE_ID_BEING_RESPONDED_TO, "C-STORE-RSP"),
                cs.string(CommandTags.AFFECTED_SOP_CLASS_UID).orElse(null),
                cs.string(CommandTags.AFFECTED_SOP_INSTANCE_UID).orElse(null),
                DimseCommand.requireUs(cs, CommandTags.STATUS, "C-STORE-RSP"),
                cs.string(CommandTags.ERROR_COMMENT).orElse(null));
    }
}
