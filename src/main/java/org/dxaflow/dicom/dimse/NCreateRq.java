package org.dxaflow.dicom.dimse;

/**
 * N-CREATE-RQ (PS3.7 10.3.5.1). The SOP instance UID may be absent: then the SCP assigns one and
 * returns it in the response (e.g. MPPS usually has the SCU assign it).
 */
public record NCreateRq(int messageId, String affectedSopClassUid, String affectedSopInstanceUid)
        implements DimseRequest {
    @Override
    public int commandField() {
        return CommandField.N_CREATE_RQ;
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
                .string(CommandTags.AFFECTED_SOP_INSTANCE_UID, affectedSopInstanceUid).build();
    }

    static NCreateRq from(CommandSet cs) throws DimseFormatException {
        return new NCreateRq(DimseCommand.requireUs(cs, CommandTags.MESSAGE_ID, "N-CREATE-RQ"),
                DimseCommand.requireString(cs, CommandTags.AFFECTED_SOP_CLASS_UID, "N-CREATE-RQ"),
                cs.string(CommandTags.AFFECTED_SOP_INSTANCE_UID).orElse(null));
    }
}
