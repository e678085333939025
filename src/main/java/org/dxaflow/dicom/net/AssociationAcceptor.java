package org.dxaflow.dicom.net;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.dxaflow.dicom.net.pdu.AAbort;
import org.dxaflow.dicom.net.pdu.AAssociateAc;
import org.dxaflow.dicom.net.pdu.AAssociateRj;
import org.dxaflow.dicom.net.pdu.AAssociateRq;
import org.dxaflow.dicom.net.pdu.PresentationContextAc;
import org.dxaflow.dicom.net.pdu.PresentationContextRq;
import org.dxaflow.dicom.net.pdu.Pdu;
import org.dxaflow.dicom.net.pdu.PduFormatException;
import org.dxaflow.dicom.net.pdu.PduReader;
import org.dxaflow.dicom.net.pdu.PduWriter;
import org.dxaflow.dicom.net.pdu.UserInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one accepted transport connection: Sta2 (ARTIM running, awaiting A-ASSOCIATE-RQ) through
 * negotiation, then hands the established {@link Association} its read loop on this thread.
 */
public final class AssociationAcceptor implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(AssociationAcceptor.class);

    private final Socket socket;
    private final AcceptorConfig config;
    private final AcceptorServices services;
    private final ScheduledExecutorService timer;
    private final boolean overCapacity;
    private final AssociationRegistry registry;
    private final AssociationMonitor monitor;

    /**
     * @param overCapacity the server is at its association limit: read the request only to answer
     *     A-ASSOCIATE-RJ transient / local limit exceeded
     */
    public AssociationAcceptor(Socket socket, AcceptorConfig config, AcceptorServices services,
                               ScheduledExecutorService timer, boolean overCapacity, AssociationRegistry registry,
                               AssociationMonitor monitor) {
        this.socket = socket;
        this.config = config;
        this.services = services;
        this.timer = timer;
        this.overCapacity = overCapacity;
        this.registry = registry;
        this.monitor = monitor;
    }

    @Override
    public void run() {
        String remote = String.valueOf(socket.getRemoteSocketAddress());
        // ARTIM (PS3.8 9.1.5): a hard deadline, not a per-read timeout, so a peer trickling one byte
        // at a time cannot hold the slot. Expiry closes the transport (AA-2).
        ScheduledFuture<?> artim = timer.schedule(() -> {
            log.info("ARTIM expired waiting for A-ASSOCIATE-RQ from {}", remote);
            close();
        }, config.artimTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            socket.setTcpNoDelay(true);
            PduReader reader = new PduReader(new BufferedInputStream(socket.getInputStream()), config.pduLengthCap());
            PduWriter writer = new PduWriter(new BufferedOutputStream(socket.getOutputStream(), 65536));
            Pdu first;
            try {
                first = reader.read();
            } catch (PduFormatException e) {
                log.info("malformed first PDU from {}: {}", remote, e.getMessage());
                monitor.onProtocolError(remote, e.getMessage());
                artim.cancel(false);
                Association.sendAbortAndDrain(writer, socket, AAbort.byProvider(e.abortReason()), config.artimTimeout());
                return;
            }
            if (!artim.cancel(false) || first == null) {
                return;
            }
            if (!(first instanceof AAssociateRq rq)) {
                // Sta2: A-ABORT just closes (AA-2); anything else is unexpected (AA-1).
                if (!(first instanceof AAbort)) {
                    log.info("{} sent PDU type {} before A-ASSOCIATE-RQ, aborting", remote, first.type());
                    monitor.onProtocolError(remote, "PDU type " + first.type() + " before A-ASSOCIATE-RQ");
                    Association.sendAbortAndDrain(writer, socket, AAbort.byProvider(AAbort.REASON_UNEXPECTED_PDU),
                            config.artimTimeout());
                }
                return;
            }
            if (overCapacity) {
                reject(writer, remote, rq, new AAssociateRj(AAssociateRj.RESULT_TRANSIENT,
                        AAssociateRj.SOURCE_SERVICE_PROVIDER_PRESENTATION, AAssociateRj.REASON_LOCAL_LIMIT_EXCEEDED));
                return;
            }
            Pdu answer = new AssociationNegotiator(config, services).negotiate(rq);
            if (answer instanceof AAssociateRj rj) {
                reject(writer, remote, rq, rj);
                return;
            }
            AAssociateAc ac = (AAssociateAc) answer;
            writer.write(ac);
            Association association = new Association(socket, reader, writer,
                    infoFor(rq, ac, remote, Association.Role.ACCEPTOR), Association.Role.ACCEPTOR,
                    config.artimTimeout(), config.idleTimeout(), config.maxPduLength());
            log.info("association accepted: {} ({} of {} contexts accepted)", association.describe(),
                    association.info().acceptedContexts().size(), rq.presentationContexts().size());
            association.setListener(services.onEstablished(association));
            registry.added(association);
            monitor.onAccepted(association.info());
            try {
                association.runReadLoop();
            } finally {
                registry.removed(association);
                monitor.onClosed(association.info(), association.closeCause());
            }
        } catch (IOException e) {
            log.debug("connection from {} ended: {}", remote, e.toString());
        } catch (RuntimeException e) {
            log.error("unexpected failure serving {}", remote, e);
        } finally {
            artim.cancel(false);
            close();
        }
    }

    private void reject(PduWriter writer, String remote, AAssociateRq rq, AAssociateRj rj) throws IOException {
        log.info("association from {} (calling {}, called {}) rejected: {}", remote, rq.callingAeTitle(),
                rq.calledAeTitle(), rj.describe());
        monitor.onRejected(remote, rq, rj);
        writer.write(rj);
        // After RJ the requestor closes the transport; ARTIM bounds our wait (PS3.8 AA-? / Sta13).
        Association.drain(socket, config.artimTimeout());
    }

    /** The peer's user information comes from the RQ for an acceptor and from the AC for a requestor. */
    static AssociationInfo infoFor(AAssociateRq rq, AAssociateAc ac, String remote, Association.Role role) {
        Map<Integer, String> abstractById = new HashMap<>();
        for (PresentationContextRq pc : rq.presentationContexts()) {
            abstractById.putIfAbsent(pc.id(), pc.abstractSyntax());
        }
        Map<Integer, PresentationContext> accepted = new HashMap<>();
        List<PresentationContextAc> results = ac.presentationContexts();
        for (PresentationContextAc pc : results) {
            if (pc.accepted() && abstractById.containsKey(pc.id())) {
                accepted.put(pc.id(), new PresentationContext(pc.id(), abstractById.get(pc.id()), pc.transferSyntax()));
            }
        }
        UserInformation peer = role == Association.Role.ACCEPTOR ? rq.userInformation() : ac.userInformation();
        return new AssociationInfo(rq.callingAeTitle(), rq.calledAeTitle(), remote, peer.maxPduLength(),
                peer.implementationClassUid(), peer.implementationVersionName(), accepted);
    }

    private void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
