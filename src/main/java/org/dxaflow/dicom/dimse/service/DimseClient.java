package org.dxaflow.dicom.dimse.service;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.dxaflow.dicom.dimse.CCancelRq;
import org.dxaflow.dicom.dimse.CEchoRq;
import org.dxaflow.dicom.dimse.CommandField;
import org.dxaflow.dicom.dimse.CommandTags;
import org.dxaflow.dicom.dimse.DataSet;
import org.dxaflow.dicom.dimse.DimseCommands;
import org.dxaflow.dicom.dimse.DimseMessage;
import org.dxaflow.dicom.dimse.DimseMessageAssembler;
import org.dxaflow.dicom.dimse.DimseMessageSender;
import org.dxaflow.dicom.dimse.DimseRequest;
import org.dxaflow.dicom.dimse.DimseResponse;
import org.dxaflow.dicom.dimse.OtherCommand;
import org.dxaflow.dicom.dimse.Status;
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
    private final ServiceRegistry incoming;
    private static final ServiceRegistry NO_INCOMING = ServiceRegistry.builder().build();
    private volatile Throwable closedCause;
    private volatile boolean closed;

    private DimseClient(Association association, Duration dimseTimeout, ServiceRegistry incoming) {
        this.association = association;
        this.sender = new DimseMessageSender(association);
        this.dimseTimeout = dimseTimeout;
        this.incoming = incoming;
    }

    public static DimseClient open(AssociationRequestor requestor, String host, int port, String calledAeTitle,
                                   List<PresentationContextRq> contexts) throws IOException {
        return open(requestor, host, port, calledAeTitle, contexts, NO_INCOMING);
    }

    /**
     * @param incoming providers for requests the peer sends us on this association, by the abstract
     *     syntax of their context: e.g. a Storage Commitment SCP that reports its result (N-EVENT-REPORT)
     *     before we release (PS3.4 J.3.3). They run on the association's read thread, so they must be
     *     quick; any request without a provider is answered "No such SOP class" (0x0118).
     */
    public static DimseClient open(AssociationRequestor requestor, String host, int port, String calledAeTitle,
                                   List<PresentationContextRq> contexts, ServiceRegistry incoming) throws IOException {
        DimseClient[] holder = new DimseClient[1];
        requestor.connect(host, port, calledAeTitle, contexts, association -> {
            holder[0] = new DimseClient(association, requestor.config().dimseTimeout(), incoming);
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
        if (!CommandField.isResponse(m.command().commandField()) && !(m.command() instanceof CCancelRq)) {
            serve(m);
            return;
        }
        int respondedTo = m.command() instanceof DimseResponse r ? r.messageIdBeingRespondedTo()
                : m.command() instanceof OtherCommand o
                ? o.commandSet().us(CommandTags.MESSAGE_ID_BEING_RESPONDED_TO, -1) : -1;
        PendingRequest p = pending.get(respondedTo);
        if (p == null) {
            log.warn("{}: no outstanding request for {}", association, m.command());
            return;
        }
        boolean isFinal = !(m.command() instanceof DimseResponse r)
                || !Status.isPending(r.status());
        if (isFinal) {
            pending.remove(respondedTo);
        }
        p.deliver(m);
    }

    /**
     * A request from the peer on our association, e.g. an N-EVENT-REPORT-RQ from the SCP of the SOP
     * class we use. It always gets an answer, so the peer is never left waiting for one.
     */
    private void serve(DimseMessage m) {
        PresentationContext pc = association.info().context(m.presentationContextId()).orElse(null);
        if (pc == null) {
            return; // the assembler only yields messages on accepted contexts
        }
        DimseReply reply;
        try {
            ServiceClassProvider provider = incoming.provider(pc.abstractSyntax()).orElse(null);
            if (provider == null) {
                reply = DimseReply.of(DimseCommands.failureResponse(m.command(), Status.NO_SUCH_SOP_CLASS,
                        "no service for " + pc.abstractSyntax() + " on this association"));
            } else if (m.dataSetOversized()) {
                reply = DimseReply.of(DimseCommands.failureResponse(m.command(), Status.RESOURCE_LIMITATION,
                        "data set too large"));
            } else {
                reply = provider.handle(new DimseRequestContext(association.info(), pc, new AtomicBoolean(), sender), m);
            }
        } catch (Exception e) {
            log.warn("{}: provider failed for {}", association, m.command(), e);
            reply = DimseReply.of(DimseCommands.failureResponse(m.command(), Status.PROCESSING_FAILURE,
                    e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        try {
            sender.send(new DimseMessage(pc.id(), reply.command(), reply.dataSet()));
        } catch (IOException | RuntimeException e) {
            log.debug("{}: could not answer {}: {}", association, m.command(), e.toString());
        }
    }
}
