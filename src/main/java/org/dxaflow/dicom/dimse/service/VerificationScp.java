package org.dxaflow.dicom.dimse.service;

import org.dxaflow.dicom.dimse.CEchoRq;
import org.dxaflow.dicom.dimse.CEchoRsp;
import org.dxaflow.dicom.dimse.DimseCommands;
import org.dxaflow.dicom.dimse.DimseMessage;
import org.dxaflow.dicom.dimse.Status;

/** Verification SOP class SCP (PS3.4 annex A): C-ECHO is answered with Success. */
public final class VerificationScp implements ServiceClassProvider {
    @Override
    public DimseReply handle(DimseRequestContext context, DimseMessage request) {
        if (request.command() instanceof CEchoRq rq) {
            return DimseReply.of(new CEchoRsp(rq.messageId(), rq.affectedSopClassUid(), Status.SUCCESS, null));
        }
        return DimseReply.of(DimseCommands.failureResponse(request.command(), Status.UNRECOGNIZED_OPERATION, null));
    }
}
