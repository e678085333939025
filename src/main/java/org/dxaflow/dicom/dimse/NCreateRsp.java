package org.dxaflow.dicom.dimse;

/** N-CREATE-RSP (PS3.7 10.3.5.2). */
public record NCreateRsp(int messageIdBeingRespondedTo, String affectedSopClassUid, String affectedSopInstanceUid,
                         int status, String errorComment) implements DimseResponse {
    @Override
    public int commandField() {
        return CommandField.N_CREATE_RSP;
    }

    @Override
    public CommandSet toCommandSet(boolean dataSetPresent) {
        return new ResponseFields(messageIdBeingRespondedTo, affectedSopClassUid, affectedSopInstanceUid, status,
                errorComment).encode(commandField(), dataSetPresent);
    }

    static NCreateRsp from(CommandSet cs) throws DimseFormatException {
        ResponseFields f = ResponseFields.read(cs, "N-CREATE-RSP");
        return new NCreateRsp(f.messageIdBeingRespondedTo(), f.affectedSopClassUid(), f.affectedSopInstanceUid(),
                f.status(), f.errorComment());
    }
}
