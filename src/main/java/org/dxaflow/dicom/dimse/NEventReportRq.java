package org.dxaflow.dicom.dimse;

/**
 * N-EVENT-REPORT-RQ (PS3.7 10.3.1.1): the performer of a SOP class reports an event about a SOP
 * instance, e.g. Storage Commitment's result (Event Type 1 or 2, PS3.4 J.3.3). The event
 * information travels as the data set. It is sent by the SCP of the SOP class, which may be the
 * requestor or the acceptor of the association.
 */
public record NEventReportRq(int messageId, String affectedSopClassUid, String affectedSopInstanceUid,
                             int eventTypeId) implements DimseRequest {
    @Override
    public int commandField() {
        return CommandField.N_EVENT_REPORT_RQ;
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
                .string(CommandTags.AFFECTED_SOP_INSTANCE_UID, affectedSopInstanceUid)
                .us(CommandTags.EVENT_TYPE_ID, eventTypeId).build();
    }

    static NEventReportRq from(CommandSet cs) throws DimseFormatException {
        return new NEventReportRq(DimseCommand.requireUs(cs, CommandTags.MESSAGE_ID, "N-EVENT-REPORT-RQ"),
                DimseCommand.requireString(cs, CommandTags.AFFECTED_SOP_CLASS_UID, "N-EVENT-REPORT-RQ"),
                DimseCommand.requireString(cs, CommandTags.AFFECTED_SOP_INSTANCE_UID, "N-EVENT-REPORT-RQ"),
                DimseCommand.requireUs(cs, CommandTags.EVENT_TYPE_ID, "N-EVENT-REPORT-RQ"));
    }
}
