package org.dxaflow.dicom.dimse;

/**
 * N-EVENT-REPORT-RSP (PS3.7 10.3.1.2).
 *
 * @param eventTypeId the request's Event Type ID, or null when omitted (it is conditional: present
 *     when an event reply follows)
 */
public record NEventReportRsp(int messageIdBeingRespondedTo, String affectedSopClassUid,
                              String affectedSopInstanceUid, Integer eventTypeId, int status, String errorComment)
        implements DimseResponse {
    @Override
    public int commandField() {
        return CommandField.N_EVENT_REPORT_RSP;
    }

    @Override
    public CommandSet toCommandSet(boolean dataSetPresent) {
        CommandSet.Builder b = new ResponseFields(messageIdBeingRespondedTo, affectedSopClassUid,
                affectedSopInstanceUid, status, errorComment).encode(commandField(), dataSetPresent).toBuilder();
        if (eventTypeId != null) {
            b.us(CommandTags.EVENT_TYPE_ID, eventTypeId);
        }
        return b.build();
    }

    static NEventReportRsp from(CommandSet cs) throws DimseFormatException {
        ResponseFields f = ResponseFields.read(cs, "N-EVENT-REPORT-RSP");
        int type = cs.us(CommandTags.EVENT_TYPE_ID, -1);
        return new NEventReportRsp(f.messageIdBeingRespondedTo(), f.affectedSopClassUid(),
                f.affectedSopInstanceUid(), type < 0 ? null : type, f.status(), f.errorComment());
    }
}
