package org.dxaflow.dicom.dimse;

/** Maps a decoded command set to its typed record. */
public final class DimseCommands {
    private DimseCommands() {
    }

    public static DimseCommand parse(CommandSet cs) throws DimseFormatException {
        int field = cs.commandField();
        if (field < 0) {
            throw new DimseFormatException("command set without CommandField");
        }
        return switch (field) {
            case CommandField.C_ECHO_RQ -> CEchoRq.from(cs);
            case CommandField.C_ECHO_RSP -> CEchoRsp.from(cs);
            case CommandField.C_STORE_RQ -> CStoreRq.from(cs);
            case CommandField.C_STORE_RSP -> CStoreRsp.from(cs);
            case CommandField.C_FIND_RQ -> CFindRq.from(cs);
            case CommandField.C_FIND_RSP -> CFindRsp.from(cs);
            case CommandField.C_CANCEL_RQ -> CCancelRq.from(cs);
            case CommandField.N_CREATE_RQ -> NCreateRq.from(cs);
            case CommandField.N_CREATE_RSP -> NCreateRsp.from(cs);
            case CommandField.N_SET_RQ -> NSetRq.from(cs);
            case CommandField.N_SET_RSP -> NSetRsp.from(cs);
            case CommandField.N_ACTION_RQ -> NActionRq.from(cs);
            case CommandField.N_ACTION_RSP -> NActionRsp.from(cs);
            case CommandField.N_EVENT_REPORT_RQ -> NEventReportRq.from(cs);
            case CommandField.N_EVENT_REPORT_RSP -> NEventReportRsp.from(cs);
            default -> new OtherCommand(cs);
        };
    }

    /**
     * A failure response of the right type for any request, e.g. when the provider threw or does
     * not support the operation. For unmodelled commands we mirror the command field with bit 15.
     */
    public static DimseCommand failureResponse(DimseCommand request, int status, String comment) {
        if (request instanceof CEchoRq rq) {
            return new CEchoRsp(rq.messageId(), rq.affectedSopClassUid(), status, comment);
        }
        if (request instanceof CStoreRq rq) {
            return new CStoreRsp(rq.messageId(), rq.affectedSopClassUid(), rq.affectedSopInstanceUid(), status, comment);
        }
        if (request instanceof CFindRq rq) {
            return new CFindRsp(rq.messageId(), rq.affectedSopClassUid(), status, comment);
        }
        if (request instanceof NCreateRq rq) {
            return new NCreateRsp(rq.messageId(), rq.affectedSopClassUid(), rq.affectedSopInstanceUid(), status,
                    comment);
        }
        if (request instanceof NSetRq rq) {
            return new NSetRsp(rq.messageId(), rq.requestedSopClassUid(), rq.requestedSopInstanceUid(), status,
                    comment);
        }
        if (request instanceof NActionRq rq) {
            return new NActionRsp(rq.messageId(), rq.requestedSopClassUid(), rq.requestedSopInstanceUid(), null,
                    status, comment);
        }
        if (request instanceof NEventReportRq rq) {
            return new NEventReportRsp(rq.messageId(), rq.affectedSopClassUid(), rq.affectedSopInstanceUid(), null,
                    status, comment);
        }
        CommandSet cs = ((OtherCommand) request).commandSet();
        CommandSet.Builder b = CommandSet.builder()
                .us(CommandTags.COMMAND_FIELD, CommandField.responseFor(cs.commandField()))
                .us(CommandTags.MESSAGE_ID_BEING_RESPONDED_TO, cs.us(CommandTags.MESSAGE_ID, 0))
                .us(CommandTags.STATUS, status)
                .string(CommandTags.ERROR_COMMENT, DimseCommand.errorComment(comment));
        cs.string(CommandTags.AFFECTED_SOP_CLASS_UID)
                .or(() -> cs.string(CommandTags.REQUESTED_SOP_CLASS_UID))
                .ifPresent(uid -> b.string(CommandTags.AFFECTED_SOP_CLASS_UID, uid));
        return new OtherCommand(b.build());
    }
}
