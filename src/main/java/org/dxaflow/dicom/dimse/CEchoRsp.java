package org.dxaflow.dicom.dimse;

/** C-ECHO-RSP (PS3.7 9.3.5.2). */
public record CEchoRsp(int messageIdBeingRespondedTo, String affectedSopClassUid, int status,
                       String errorComment) implements DimseResponse {
    @Override
    public int commandField() {
        return CommandField.C_ECHO_RSP;
    }

    @Override
    public CommandSet toCommandSet(boolean dataSetPresent) {
        return new ResponseFields(messageIdBeingRespondedTo, affectedSopClassUid, null, status, errorComment)
                .encode(commandField(), dataSetPresent);
    }

    static CEchoRsp from(CommandSet cs) throws DimseFormatException {
        ResponseFields f = ResponseFields.read(cs, "C-ECHO-RSP");
        return new CEchoRsp(f.messageIdBeingRespondedTo(), f.affectedSopClassUid(), f.status(), f.errorComment());
    }
}
