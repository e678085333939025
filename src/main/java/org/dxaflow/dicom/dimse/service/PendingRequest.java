package org.dxaflow.dicom.dimse.service;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.dxaflow.dicom.dimse.DimseMessage;
import org.dxaflow.dicom.dimse.DimseResponse;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.net.AssociationAbortedException;

/**
 * Responses to one outstanding request, delivered by the client's read thread. A C-FIND yields
 * several pending responses then a final one; other operations yield exactly one.
 */
public final class PendingRequest {
    private final int messageId;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private volatile boolean finalReceived;

    PendingRequest(int messageId) {
        this.messageId = messageId;
    }

    public int messageId() {
        return messageId;
    }

    void deliver(DimseMessage response) {
        queue.add(response);
    }

    void fail(Throwable cause) {
        queue.add(cause);
    }

    /** Next response (pending or final); throws on timeout or if the association ended first. */
    public DimseMessage next(Duration timeout) throws IOException {
        if (finalReceived) {
            throw new IllegalStateException("final response already consumed for message " + messageId);
        }
        Object o;
        try {
            o = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for DIMSE response", e);
        }
        if (o == null) {
            throw new SocketTimeoutException("no DIMSE response to message " + messageId + " within " + timeout);
        }
        if (o instanceof Throwable t) {
            throw t instanceof IOException io ? new AssociationAbortedException(io.getMessage(), io)
                    : new AssociationAbortedException("association ended: " + t, t);
        }
        DimseMessage m = (DimseMessage) o;
        if (!(m.command() instanceof DimseResponse r) || !Status.isPending(r.status())) {
            finalReceived = true;
        }
        return m;
    }

    /** Skips pending responses and returns the final one. */
    public DimseMessage awaitFinal(Duration timeout) throws IOException {
        while (true) {
            DimseMessage m = next(timeout);
            if (finalReceived) {
                return m;
            }
        }
    }

    public boolean isDone() {
        return finalReceived;
    }
}
