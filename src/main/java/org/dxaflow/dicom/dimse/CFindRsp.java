package org.dxaflow.dicom.dimse;

/** C-FIND-RSP (PS3.7 9.3.2.2); pending responses carry a matching identifier as data set. */
public record CFindRsp(int messageIdBeingRespondedTo, String affectedSopClassUid, int status,
                       String errorComment) implements DimseResponse {
    @Override
    public int commandField() {
        return CommandField.C_FIND_RSP;
    }

    @Override
    public CommandSet toCommandSet(boolean dataSetPresent) {
        return new ResponseFields(messageIdBeingRespondedTo, affectedSopClassUid, null, status, errorComment)
                .encode(commandField(), dataSetPresent);
    }

    static CFindRsp from(CommandSet cs) throws DimseFormatException {
        ResponseFields f = ResponseFields.read(cs, "C-FIND-RSP");
        return new CFindRsp(f.messageIdBeingRespondedTo(), f.affectedSopClassUid(), f.status(), f.errorComment());
    }
}
