package org.dxaflow.dicom.dimse;

/** C-ECHO-RQ (PS3.7 9.3.5.1). */
public record CEchoRq(int messageId, String affectedSopClassUid) implements DimseRequest {
    @Override
    public int commandField() {
        return CommandField.C_ECHO_RQ;
    }

    @Override
    public String sopClassUid() {
        return affectedSopClassUid;
    }

    @Override
    public CommandSet toCommandSet(boolean dataSetPresent) {
        return DimseCommand.base(commandField(), dataSetPresent)
                .string(CommandTags.AFFECTED_SOP_CLASS_UID, affectedSopClassUid)
                .us(CommandTags.MESSAGE_ID, messageId).build();
    }

    static CEchoRq from(CommandSet cs) throws DimseFormatException {
        return new CEchoRq(DimseCommand.requireUs(cs, CommandTags.MESSAGE_ID, "C-ECHO-RQ"),
                DimseCommand.requireString(cs, CommandTags.AFFECTED_SOP_CLASS_UID, "C-ECHO-RQ"));
    }
}
