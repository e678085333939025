package org.dxaflow.dicom.dimse;

/**
 * The command fields the responses modelled here share (PS3.7 9.3 and 10.3): the message they answer,
 * the affected SOP Class and, where the response has one, SOP Instance, the status and its Error
 * Comment. Each response record encodes and decodes through this, so the element list is written once.
 *
 * @param affectedSopInstanceUid null for responses without one (C-ECHO-RSP, C-FIND-RSP)
 */
record ResponseFields(int messageIdBeingRespondedTo, String affectedSopClassUid, String affectedSopInstanceUid,
                      int status, String errorComment) {

    static ResponseFields read(CommandSet cs, String message) throws DimseFormatException {
        return new ResponseFields(DimseCommand.requireUs(cs, CommandTags.MESSAGE_ID_BEING_RESPONDED_TO, message),
                cs.string(CommandTags.AFFECTED_SOP_CLASS_UID).orElse(null),
                cs.string(CommandTags.AFFECTED_SOP_INSTANCE_UID).orElse(null),
                DimseCommand.requireUs(cs, CommandTags.STATUS, message),
                cs.string(CommandTags.ERROR_COMMENT).orElse(null));
    }

    CommandSet encode(int commandField, boolean dataSetPresent) {
        return DimseCommand.base(commandField, dataSetPresent)
                .string(CommandTags.AFFECTED_SOP_CLASS_UID, affectedSopClassUid)
                .us(CommandTags.MESSAGE_ID_BEING_RESPONDED_TO, messageIdBeingRespondedTo)
                .us(CommandTags.STATUS, status)
                .string(CommandTags.ERROR_COMMENT, DimseCommand.errorComment(errorComment))
                .string(CommandTags.AFFECTED_SOP_INSTANCE_UID, affectedSopInstanceUid).build();
    }
}
