package org.dxaflow.dicom.dimse.service;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.dxaflow.dicom.dimse.CCancelRq;
import org.dxaflow.dicom.dimse.CEchoRq;
import org.dxaflow.dicom.dimse.CommandTags;
import org.dxaflow.dicom.dimse.DataSet;
import org.dxaflow.dicom.dimse.DimseMessage;
import org.dxaflow.dicom.dimse.DimseMessageAssembler;
import org.dxaflow.dicom.dimse.DimseMessageSender;
import org.dxaflow.dicom.dimse.DimseRequest;
import org.dxaflow.dicom.dimse.DimseResponse;
import org.dxaflow.dicom.dimse.OtherCommand;
import org.dxaflow.dicom.net.Association;
import org.dxaflow.dicom.net.AssociationAbortedException;
import org.dxaflow.dicom.net.AssociationInfo;
import org.dxaflow.dicom.net.AssociationListener;
import org.dxaflow.dicom.net.AssociationRequestor;
import org.dxaflow.dicom.net.PresentationContext;
import org.dxaflow.dicom.net.pdu.AAbort;
import org.dxaflow.dicom.net.pdu.PDataTf;
import org.dxaflow.dicom.net.pdu.PduFormatException;
import org.dxaflow.dicom.net.pdu.PresentationContextRq;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SCU side of an association: sends requests and routes responses (by MessageIDBeingRespondedTo)
 * to the {@link PendingRequest} awaiting them.
 *
 * <pre>
 * try (DimseClient c = DimseClient.open(requestor, "pacs", 104, "PACS", contexts)) {
 *     PendingRequest p = c.invoke(pcId, new CStoreRq(c.nextMessageId(), cuid, iuid), dataSet);
 *     CStoreRsp rsp = (CStoreRsp) p.awaitFinal(timeout).command();
 *     c.release();
 * }
 * </pre>
 */
public final class DimseClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DimseClient.class);

    private final Association association;
    private final DimseMessageSender sender;
    private final Duration dimseTimeout;
    private final Map<Integer, PendingRequest> pending = new ConcurrentHashMap<>();
    private final AtomicInteger messageIds = new AtomicInteger();
    private volatile Throwable closedCause;
    private volatile boolean closed;

    private DimseClient(Association association, Duration dimseTimeout) {
        this.association = association;
        this.sender = new DimseMessageSender(association);
        this.dimseTimeout = dimseTimeout;
    }

    public static DimseClient open(AssociationRequestor requestor, String host, int port, String calledAeTitle,
                                   List<PresentationContextRq> contexts) throws IOException {
        DimseClient[] holder = new DimseClient[1];
        requestor.connect(host, port, calledAeTitle, contexts, association -> {
            holder[0] = new DimseClient(association, requestor.config().dimseTimeout());
            return holder[0].listener(requestor.config().maxDataSetLength());
        });
        return holder[0];
    }

    public AssociationInfo info() {
        return association.info();
    }

    public Association association() {
        return association;
    }

    /** Message IDs 1..65535, wrapping; unique among outstanding requests of this association. */
    public int nextMessageId() {
        return messageIds.updateAndGet(v -> v >= 0xFFFF ? 1 : v + 1);
    }

    public PresentationContext requireContext(String abstractSyntax, String transferSyntax) throws IOException {
        return association.info().findContext(abstractSyntax, transferSyntax).orElseThrow(() ->
                new NoPresentationContextException(abstractSyntax, transferSyntax));
    }

    /** Sends a request; responses arrive in the returned handle. */
    public PendingRequest invoke(int presentationContextId, DimseRequest request, DataSet dataSet) throws IOException {
        if (closed) {
            throw new AssociationAbortedException("association closed", closedCause);
        }
        PendingRequest p = new PendingRequest(request.messageId());
        if (pending.putIfAbsent(request.messageId(), p) != null) {
            throw new IllegalStateException("message id " + request.messageId() + " already outstanding");
        }
        try {
            sender.send(new DimseMessage(presentationContextId, request, dataSet));
        } catch (IOException | RuntimeException e) {
            pending.remove(request.messageId());
            throw e;
        }
        if (closed) {
            p.fail(new AssociationAbortedException("association closed", closedCause));
        }
        return p;
    }

    /** C-ECHO on the first accepted Verification context; returns the response status. */
    public int echo() throws IOException {
        PresentationContext pc = requireContext(org.dxaflow.dicom.net.Uids.VERIFICATION, null);
        PendingRequest p = invoke(pc.id(), new CEchoRq(nextMessageId(), pc.abstractSyntax()), null);
        return ((DimseResponse) p.awaitFinal(dimseTimeout).command()).status();
    }

    /** C-CANCEL-RQ for an outstanding C-FIND (or C-GET/C-MOVE). */
    public void cancel(int presentationContextId, int messageIdToCancel) throws IOException {
        sender.send(new DimseMessage(presentationContextId, new CCancelRq(messageIdToCancel), null));
    }

    public Duration dimseTimeout() {
        return dimseTimeout;
    }

    public void release() throws IOException {
        association.release();
    }

    public void abort() {
        association.abort();
    }

    /** Releases if still open; aborts if release fails. */
    @Override
    public void close() {
        if (association.isOpen()) {
            try {
                association.release();
            } catch (IOException e) {
                association.abort();
            }
        }
    }

    private AssociationListener listener(long maxDataSetLength) {
        DimseMessageAssembler assembler = new DimseMessageAssembler(association.info(), maxDataSetLength);
        return new AssociationListener() {
            @Override
            public void onPData(PDataTf pdata) throws PduFormatException {
                for (DimseMessage m : assembler.accept(pdata)) {
                    if (m.dataSetOversized()) {
                        // A response we cannot keep is not one we can hand to the caller: end the association.
                        throw new PduFormatException(AAbort.REASON_INVALID_PARAMETER_VALUE, "response data set of "
                                + m.oversizedDataSetLength() + " bytes exceeds " + maxDataSetLength);
                    }
                    route(m);
                }
            }

            @Override
            public boolean hasOutstandingOperations() {
                return !pending.isEmpty();
            }

            @Override
            public void onClosed(Throwable cause) {
                closedCause = cause;
                closed = true;
                Throwable reason = cause != null ? cause : new AssociationAbortedException("association released");
                pending.values().forEach(p -> p.fail(reason));
                pending.clear();
            }
        };
    }

    private void route(DimseMessage m) {
        int respondedTo = m.command() instanceof DimseResponse r ? r.messageIdBeingRespondedTo()
                : m.command() instanceof OtherCommand o
                ? o.commandSet().us(CommandTags.MESSAGE_ID_BEING_RESPONDED_TO, -1) : -1;
        PendingRequest p = pending.get(respondedTo);
        if (p == null) {
            // e.g. a request from the SCP (N-EVENT-REPORT) which we do not serve yet
            log.warn("{}: no outstanding request for {}", association, m.command());
            return;
        }
        boolean isFinal = !(m.command() instanceof DimseResponse r)
                || !org.dxaflow.dicom.dimse.Status.isPending(r.status());
        if (isFinal) {
            pending.remove(respondedTo);
        }
        p.deliver(m);
    }
}
