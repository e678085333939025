package org.dxaflow.dicom.dimse;

/**
 * C-STORE-RQ (PS3.7 9.3.1.1).
 *
 * @param moveOriginatorAeTitle only for C-STOREs issued on behalf of a C-MOVE; null otherwise
 * @param moveOriginatorMessageId -1 when absent
 */
public record CStoreRq(int messageId, String affectedSopClassUid, String affectedSopInstanceUid, int priority,
                       String moveOriginatorAeTitle, int moveOriginatorMessageId) implements DimseRequest {

    public CStoreRq(int messageId, String affectedSopClassUid, String affectedSopInstanceUid) {
        this(messageId, affectedSopClassUid, affectedSopInstanceUid, Priority.MEDIUM, null, -1);
    }

    @Override
    public int commandField() {
        return CommandField.C_STORE_RQ;
    }

    @Override
    public String sopClassUid() {
        return affectedSopClassUid;
    }

    @Override
    public CommandSet toCommandSet(boolean dataSetPresent) {
        CommandSet.Builder b = DimseCommand.base(commandField(), dataSetPresent)
                .string(CommandTags.AFFECTED_SOP_CLASS_UID, affectedSopClassUid)
                .us(CommandTags.MESSAGE_ID, messageId)
                .us(CommandTags.PRIORITY, priority)
                .string(CommandTags.AFFECTED_SOP_INSTANCE_UID, affectedSopInstanceUid)
                .string(CommandTags.MOVE_ORIGINATOR_AE_TITLE, moveOriginatorAeTitle);
        if (moveOriginatorMessageId >= 0) {
            b.us(CommandTags.MOVE_ORIGINATOR_MESSAGE_ID, moveOriginatorMessageId);
        }
        return b.build();
    }

    static CStoreRq from(CommandSet cs) throws DimseFormatException {
        return new CStoreRq(DimseCommand.requireUs(cs, CommandTags.MESSAGE_ID, "C-STORE-RQ"),
                DimseCommand.requireString(cs, CommandTags.AFFECTED_SOP_CLASS_UID, "C-STORE-RQ"),
                DimseCommand.requireString(cs, CommandTags.AFFECTED_SOP_INSTANCE_UID, "C-STORE-RQ"),
                cs.us(CommandTags.PRIORITY, Priority.MEDIUM),
                cs.string(CommandTags.MOVE_ORIGINATOR_AE_TITLE).orElse(null),
                cs.us(CommandTags.MOVE_ORIGINATOR_MESSAGE_ID, -1));
    }
}
