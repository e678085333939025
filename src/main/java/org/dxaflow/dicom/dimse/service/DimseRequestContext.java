package org.dxaflow.dicom.dimse.service;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dxaflow.dicom.dimse.DataSet;
import org.dxaflow.dicom.dimse.DimseCommand;
import org.dxaflow.dicom.dimse.DimseMessage;
import org.dxaflow.dicom.dimse.DimseMessageSender;
import org.dxaflow.dicom.dimse.DimseResponse;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.net.AssociationInfo;
import org.dxaflow.dicom.net.PresentationContext;

/** What a provider may know and do while handling one request. */
public final class DimseRequestContext {
    private final AssociationInfo association;
    private final PresentationContext presentationContext;
    private final AtomicBoolean cancelled;
    private final DimseMessageSender sender;

    public DimseRequestContext(AssociationInfo association, PresentationContext presentationContext,
                               AtomicBoolean cancelled, DimseMessageSender sender) {
        this.association = association;
        this.presentationContext = presentationContext;
        this.cancelled = cancelled;
        this.sender = sender;
    }

    public AssociationInfo association() {
        return association;
    }

    public String callingAeTitle() {
        return association.callingAeTitle();
    }

    public PresentationContext presentationContext() {
        return presentationContext;
    }

    /** True once a C-CANCEL-RQ for this request arrived, or the association ended. */
    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Wraps bytes encoded in this context's transfer syntax. */
    public DataSet dataSet(byte[] bytes) {
        return new DataSet(bytes, presentationContext.transferSyntax());
    }

    /** Sends a pending response (status 0xFF00/0xFF01) before the final one. */
    public void sendPending(DimseResponse response, DataSet dataSet) throws IOException {
        if (!Status.isPending(response.status())) {
            throw new IllegalArgumentException("not a pending status: " + Status.hex(response.status()));
        }
        send(response, dataSet);
    }

    void send(DimseCommand command, DataSet dataSet) throws IOException {
        sender.send(new DimseMessage(presentationContext.id(), command, dataSet));
    }
}
