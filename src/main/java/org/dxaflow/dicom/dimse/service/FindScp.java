package org.dxaflow.dicom.dimse.service;

import java.io.IOException;
import org.dxaflow.dicom.dimse.CFindRq;
import org.dxaflow.dicom.dimse.CFindRsp;
import org.dxaflow.dicom.dimse.DataSet;
import org.dxaflow.dicom.dimse.DimseCommands;
import org.dxaflow.dicom.dimse.DimseMessage;
import org.dxaflow.dicom.dimse.Status;

/**
 * C-FIND SCP adaptor (PS3.4 annex C / K): pending responses per match, then a final response of
 * Success, Cancel (after C-CANCEL-RQ) or the handler's failure status.
 */
public final class FindScp implements ServiceClassProvider {
    private final FindHandler handler;

    public FindScp(FindHandler handler) {
        this.handler = handler;
    }

    @Override
    public DimseReply handle(DimseRequestContext context, DimseMessage request) throws Exception {
        if (!(request.command() instanceof CFindRq rq)) {
            return DimseReply.of(DimseCommands.failureResponse(request.command(), Status.UNRECOGNIZED_OPERATION,
                    null));
        }
        if (request.dataSet() == null) {
            return DimseReply.of(new CFindRsp(rq.messageId(), rq.affectedSopClassUid(),
                    Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, "C-FIND-RQ without identifier"));
        }
        FindHandler.FindResponder responder = new FindHandler.FindResponder() {
            @Override
            public void match(DataSet identifier) throws IOException {
                context.sendPending(new CFindRsp(rq.messageId(), rq.affectedSopClassUid(), Status.PENDING, null),
                        identifier);
            }

            @Override
            public void matchWithUnsupportedOptionalKeys(DataSet identifier) throws IOException {
                context.sendPending(new CFindRsp(rq.messageId(), rq.affectedSopClassUid(), Status.PENDING_WARNING,
                        null), identifier);
            }

            @Override
            public boolean isCancelled() {
                return context.isCancelled();
            }

            @Override
            public DataSet dataSet(byte[] bytes) {
                return context.dataSet(bytes);
            }
        };
        int status = handler.find(new FindHandler.FindRequest(context.association(), rq.affectedSopClassUid(),
                rq.priority(), request.dataSet()), responder);
        if (context.isCancelled()) {
            status = Status.CANCEL;
        } else if (Status.isPending(status)) {
            throw new IllegalStateException("FindHandler returned pending status as final");
        }
        return DimseReply.of(new CFindRsp(rq.messageId(), rq.affectedSopClassUid(), status, null));
    }
}
