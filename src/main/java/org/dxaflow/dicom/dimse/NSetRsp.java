package org.dxaflow.dicom.dimse;

/** N-SET-RSP (PS3.7 10.3.3.2). */
public record NSetRsp(int messageIdBeingRespondedTo, String affectedSopClassUid, String affectedSopInstanceUid,
                      int status, String errorComment) implements DimseResponse {
    @Override
    public int commandField() {
        return CommandField.N_SET_RSP;
    }

    @Override
    public CommandSet toCommandSet(boolean dataSetPresent) {
        return new ResponseFields(messageIdBeingRespondedTo, affectedSopClassUid, affectedSopInstanceUid, status,
                errorComment).encode(commandField(), dataSetPresent);
    }

    static NSetRsp from(CommandSet cs) throws DimseFormatException {
        ResponseFields f = ResponseFields.read(cs, "N-SET-RSP");
        return new NSetRsp(f.messageIdBeingRespondedTo(), f.affectedSopClassUid(), f.affectedSopInstanceUid(),
                f.status(), f.errorComment());
    }
}
