package org.dxaflow.dicom.dimse;

/**
 * N-ACTION-RSP (PS3.7 10.3.4.2).
 *
 * @param actionTypeId the request's Action Type ID, or null: PS3.7 10.3.4.2 makes it
 *     conditional (present when an action reply follows), and DCMTK and Orthanc omit it otherwise
 */
public record NActionRsp(int messageIdBeingRespondedTo, String affectedSopClassUid, String affectedSopInstanceUid,
                         Integer actionTypeId, int status, String errorComment) implements DimseResponse {
    @Override
    public int commandField() {
        return CommandField.N_ACTION_RSP;
    }

    @Override
    public CommandSet toCommandSet(boolean dataSetPresent) {
        CommandSet.Builder b = new ResponseFields(messageIdBeingRespondedTo, affectedSopClassUid,
                affectedSopInstanceUid, status, errorComment).encode(commandField(), dataSetPresent).toBuilder();
        if (actionTypeId != null) {
            b.us(CommandTags.ACTION_TYPE_ID, actionTypeId);
        }
        return b.build();
    }

    static NActionRsp from(CommandSet cs) throws DimseFormatException {
        ResponseFields f = ResponseFields.read(cs, "N-ACTION-RSP");
        int type = cs.us(CommandTags.ACTION_TYPE_ID, -1);
        return new NActionRsp(f.messageIdBeingRespondedTo(), f.affectedSopClassUid(), f.affectedSopInstanceUid(),
                type < 0 ? null : type, f.status(), f.errorComment());
    }
}
