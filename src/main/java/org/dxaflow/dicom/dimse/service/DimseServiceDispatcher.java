package org.dxaflow.dicom.dimse.service;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dxaflow.dicom.dimse.CCancelRq;
import org.dxaflow.dicom.dimse.CFindRq;
import org.dxaflow.dicom.dimse.CStoreRq;
import org.dxaflow.dicom.dimse.CommandField;
import org.dxaflow.dicom.dimse.CommandTags;
import org.dxaflow.dicom.dimse.DimseCommand;
import org.dxaflow.dicom.dimse.DimseCommands;
import org.dxaflow.dicom.dimse.DimseMessage;
import org.dxaflow.dicom.dimse.DimseMessageAssembler;
import org.dxaflow.dicom.dimse.DimseMessageSender;
import org.dxaflow.dicom.dimse.DimseRequest;
import org.dxaflow.dicom.dimse.DimseResponse;
import org.dxaflow.dicom.dimse.OtherCommand;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.net.Association;
import org.dxaflow.dicom.net.AssociationListener;
import org.dxaflow.dicom.net.NamedThreadFactory;
import org.dxaflow.dicom.net.PresentationContext;
import org.dxaflow.dicom.net.pdu.PDataTf;
import org.dxaflow.dicom.net.pdu.PduFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acceptor-side DIMSE user of one association: the read thread reassembles messages and routes
 * them; requests run one at a time on a dedicated operation thread (we negotiate no asynchronous
 * operations window, so the default of one outstanding operation applies). Because the read thread
 * stays free, a C-CANCEL-RQ reaches the running operation's cancel flag at once.
 */
public final class DimseServiceDispatcher implements AssociationListener {
    private static final Logger log = LoggerFactory.getLogger(DimseServiceDispatcher.class);

    private final Association association;
    private final ServiceRegistry registry;
    private final Duration drainTimeout;
    private final DimseMessageAssembler assembler;
    private final DimseMessageSender sender;
    private final ExecutorService operations;
    private final Map<Integer, AtomicBoolean> inFlight = new ConcurrentHashMap<>();

    public DimseServiceDispatcher(Association association, ServiceRegistry registry, long maxDataSetLength,
                                  Duration drainTimeout) {
        this.association = association;
        this.registry = registry;
        this.drainTimeout = drainTimeout;
        this.assembler = new DimseMessageAssembler(association.info(), maxDataSetLength);
        this.sender = new DimseMessageSender(association);
        this.operations = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                new NamedThreadFactory("dicom-" + association.info().calledAeTitle().trim() + "-dimse"));
    }

    @Override
    public void onPData(PDataTf pdata) throws PduFormatException {
        for (DimseMessage message : assembler.accept(pdata)) {
            route(message);
        }
    }

    private void route(DimseMessage message) {
        DimseCommand command = message.command();
        if (command instanceof CCancelRq cancel) {
            AtomicBoolean flag = inFlight.get(cancel.messageIdBeingRespondedTo());
            if (flag != null) {
                flag.set(true);
            }
            log.debug("C-CANCEL for message {} ({})", cancel.messageIdBeingRespondedTo(),
                    flag == null ? "not in flight" : "flagged");
            return;
        }
        if (command instanceof DimseResponse || CommandField.isResponse(command.commandField())) {
            log.warn("{}: ignoring unsolicited response 0x{}", association,
                    Integer.toHexString(command.commandField()));
            return;
        }
        int messageId = command instanceof DimseRequest rq ? rq.messageId()
                : ((OtherCommand) command).commandSet().us(CommandTags.MESSAGE_ID, 0);
        AtomicBoolean cancelled = new AtomicBoolean();
        inFlight.put(messageId, cancelled);
        try {
            operations.execute(() -> process(message, messageId, cancelled));
        } catch (RejectedExecutionException e) {
            inFlight.remove(messageId);
        }
    }

    private void process(DimseMessage message, int messageId, AtomicBoolean cancelled) {
        PresentationContext pc = association.info().context(message.presentationContextId()).orElseThrow();
        DimseReply reply;
        try {
            reply = invoke(message, pc, cancelled);
        } catch (Exception e) {
            log.warn("{}: provider failed for {}", association, message.command(), e);
            reply = DimseReply.of(DimseCommands.failureResponse(message.command(), Status.PROCESSING_FAILURE,
                    e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        try {
            sender.send(new DimseMessage(pc.id(), reply.command(), reply.dataSet()));
        } catch (IOException e) {
            log.debug("{}: could not send response: {}", association, e.toString());
        } catch (RuntimeException e) {
            log.error("{}: invalid response {}", association, reply.command(), e);
        } finally {
            inFlight.remove(messageId);
        }
    }

    private DimseReply invoke(DimseMessage message, PresentationContext pc, AtomicBoolean cancelled) throws Exception {
        DimseCommand command = message.command();
        if (command instanceof DimseRequest rq && !pc.abstractSyntax().equals(rq.sopClassUid())) {
            // PS3.7: the SOP class of a request must be the one negotiated for its context.
            return DimseReply.of(DimseCommands.failureResponse(command, Status.SOP_CLASS_NOT_SUPPORTED,
                    "SOP class " + rq.sopClassUid() + " sent on context for " + pc.abstractSyntax()));
        }
        if (message.dataSetOversized()) {
            return DimseReply.of(DimseCommands.failureResponse(command, tooLargeStatus(command),
                    "data set over " + assembler.maxDataSetLength() + " bytes refused"));
        }
        ServiceClassProvider provider = registry.provider(pc.abstractSyntax()).orElse(null);
        if (provider == null) {
            return DimseReply.of(DimseCommands.failureResponse(command, Status.SOP_CLASS_NOT_SUPPORTED, null));
        }
        DimseReply reply = provider.handle(new DimseRequestContext(association.info(), pc, cancelled, sender),
                message);
        if (reply == null || reply.command() == null) {
            throw new IllegalStateException("provider returned no response");
        }
        if (reply.command() instanceof DimseResponse r && Status.isPending(r.status())) {
            throw new IllegalStateException("provider returned a pending status as final response");
        }
        return reply;
    }

    /**
     * Out of Resources where the service class defines it (Storage PS3.4 B.2.3, Query C.4.1.1.4),
     * else the general Resource Limitation (PS3.7 C.5.17).
     */
    private static int tooLargeStatus(DimseCommand command) {
        return command instanceof CStoreRq || command instanceof CFindRq ? Status.OUT_OF_RESOURCES
                : Status.RESOURCE_LIMITATION;
    }

    /**
     * Only operations we are executing keep an idle association alive. A half-received message does
     * not: otherwise a peer could park a slot forever by sending one non-last fragment.
     */
    @Override
    public boolean hasOutstandingOperations() {
        return !inFlight.isEmpty();
    }

    @Override
    public void onReleaseRequested() {
        // Operations queued before the A-RELEASE-RQ still get their responses (FIFO executor).
        try {
            operations.submit(() -> { }).get(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("{}: operations still running {} after A-RELEASE-RQ", association, drainTimeout);
        } catch (ExecutionException | RejectedExecutionException e) {
            log.debug("drain failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onClosed(Throwable cause) {
        inFlight.values().forEach(flag -> flag.set(true));
        operations.shutdownNow();
        if (cause != null) {
            log.info("{} ended: {}", association, cause.getMessage());
        }
    }
}
