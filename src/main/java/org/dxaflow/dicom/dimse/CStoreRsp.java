package org.dxaflow.dicom.dimse;

/** C-STORE-RSP (PS3.7 9.3.1.2). */
public record CStoreRsp(int messageIdBeingRespondedTo, String affectedSopClassUid, String affectedSopInstanceUid,
                        int status, String errorComment) implements DimseResponse {
    @Override
    public int commandField() {
        return CommandField.C_STORE_RSP;
    }

    @Override
    public CommandSet toCommandSet(boolean dataSetPresent) {
        return new ResponseFields(messageIdBeingRespondedTo, affectedSopClassUid, affectedSopInstanceUid, status,
                errorComment).encode(commandField(), dataSetPresent);
    }

    static CStoreRsp from(CommandSet cs) throws DimseFormatException {
        ResponseFields f = ResponseFields.read(cs, "C-STORE-RSP");
        return new CStoreRsp(f.messageIdBeingRespondedTo(), f.affectedSopClassUid(), f.affectedSopInstanceUid(),
                f.status(), f.errorComment());
    }
}
