package org.dxaflow.dicom.dimse.service;

import org.dxaflow.dicom.dimse.DimseCommands;
import org.dxaflow.dicom.dimse.DimseMessage;
import org.dxaflow.dicom.dimse.NCreateRq;
import org.dxaflow.dicom.dimse.NCreateRsp;
import org.dxaflow.dicom.dimse.NSetRq;
import org.dxaflow.dicom.dimse.NSetRsp;
import org.dxaflow.dicom.dimse.Status;

/** N-CREATE / N-SET SCP adaptor (PS3.7 10.1.5 / 10.1.3), e.g. for MPPS. Other N-operations: 0x0211. */
public final class NormalizedScp implements ServiceClassProvider {
    private final NormalizedHandler handler;

    public NormalizedScp(NormalizedHandler handler) {
        this.handler = handler;
    }

    @Override
    public DimseReply handle(DimseRequestContext context, DimseMessage request) throws Exception {
        if (request.command() instanceof NCreateRq rq) {
            NormalizedHandler.NResult r = handler.create(new NormalizedHandler.NRequest(context.association(),
                    rq.affectedSopClassUid(), rq.affectedSopInstanceUid(), request.dataSet()));
            String iuid = r.sopInstanceUid() != null ? r.sopInstanceUid() : rq.affectedSopInstanceUid();
            return new DimseReply(new NCreateRsp(rq.messageId(), rq.affectedSopClassUid(), iuid, r.status(),
                    r.errorComment()), r.attributes());
        }
        if (request.command() instanceof NSetRq rq) {
            if (request.dataSet() == null) {
                return DimseReply.of(new NSetRsp(rq.messageId(), rq.requestedSopClassUid(),
                        rq.requestedSopInstanceUid(), Status.INVALID_ARGUMENT_VALUE, "N-SET-RQ without modification list"));
            }
            NormalizedHandler.NResult r = handler.set(new NormalizedHandler.NRequest(context.association(),
                    rq.requestedSopClassUid(), rq.requestedSopInstanceUid(), request.dataSet()));
            return new DimseReply(new NSetRsp(rq.messageId(), rq.requestedSopClassUid(), rq.requestedSopInstanceUid(),
                    r.status(), r.errorComment()), r.attributes());
        }
        return DimseReply.of(DimseCommands.failureResponse(request.command(), Status.UNRECOGNIZED_OPERATION, null));
    }
}
