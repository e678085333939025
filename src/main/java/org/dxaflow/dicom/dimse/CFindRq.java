package org.dxaflow.dicom.dimse;

/** C-FIND-RQ (PS3.7 9.3.2.1); the identifier travels as the message's data set. */
public record CFindRq(int messageId, String affectedSopClassUid, int priority) implements DimseRequest {
    @Override
    public int commandField() {
        return CommandField.C_FIND_RQ;
    }

    @Override
    public String sopClassUid() {
        return affectedSopClassUid;
    }

    @Override
    public CommandSet toCommandSet(boolean dataSetPresent) {
        return DimseCommand.base(commandField(), dataSetPresent)
                .string(CommandTags.AFFECTED_SOP_CLASS_UID, affectedSopClassUid)
                .us(CommandTags.MESSAGE_ID, messageId)
                .us(CommandTags.PRIORITY, priority).build();
    }

    static CFindRq from(CommandSet cs) throws DimseFormatException {
        return new CFindRq(DimseCommand.requireUs(cs, CommandTags.MESSAGE_ID, "C-FIND-RQ"),
                DimseCommand.requireString(cs, CommandTags.AFFECTED_SOP_CLASS_UID, "C-FIND-RQ"),
                cs.us(CommandTags.PRIORITY, Priority.MEDIUM));
    }
}
