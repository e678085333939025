package org.dxaflow.dicom.net;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.dxaflow.dicom.net.pdu.AAbort;
import org.dxaflow.dicom.net.pdu.AAssociateAc;
import org.dxaflow.dicom.net.pdu.AAssociateRj;
import org.dxaflow.dicom.net.pdu.AAssociateRq;
import org.dxaflow.dicom.net.pdu.PresentationContextRq;
import org.dxaflow.dicom.net.pdu.Pdu;
import org.dxaflow.dicom.net.pdu.PduFormatException;
import org.dxaflow.dicom.net.pdu.PduReader;
import org.dxaflow.dicom.net.pdu.PduWriter;
import org.dxaflow.dicom.net.pdu.UserInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client side of association establishment (Sta4/Sta5): connect, send A-ASSOCIATE-RQ, wait (ARTIM)
 * for AC/RJ, then start the association's read loop on its own daemon thread.
 */
public final class AssociationRequestor {
    private static final Logger log = LoggerFactory.getLogger(AssociationRequestor.class);

    private final RequestorConfig config;

    public AssociationRequestor(RequestorConfig config) {
        this.config = config;
    }

    public RequestorConfig config() {
        return config;
    }

    /**
     * @param listenerFactory creates the upper-layer user once the association exists
     * @throws java.net.ConnectException connection refused
     * @throws java.net.SocketTimeoutException connect or ARTIM timeout
     * @throws AssociationRejectedException A-ASSOCIATE-RJ
     * @throws AssociationAbortedException A-ABORT, malformed answer or closed connection
     */
    public Association connect(String host, int port, String calledAeTitle, List<PresentationContextRq> contexts,
                               Function<Association, AssociationListener> listenerFactory) throws IOException {
        Socket socket = new Socket();
        boolean handedOver = false;
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) config.connectTimeout().toMillis());
            socket.setSoTimeout((int) config.artimTimeout().toMillis());
            PduReader reader = new PduReader(new BufferedInputStream(socket.getInputStream()), config.pduLengthCap());
            PduWriter writer = new PduWriter(new BufferedOutputStream(socket.getOutputStream(), 65536));
            AAssociateRq rq = new AAssociateRq(1, calledAeTitle, config.callingAeTitle(), Uids.APPLICATION_CONTEXT,
                    contexts, UserInformation.of(config.maxPduLength(), config.implementationClassUid(),
                    config.implementationVersionName()));
            writer.write(rq);
            Pdu answer;
            try {
                answer = reader.read();
            } catch (PduFormatException e) {
                Association.sendAbortAndDrain(writer, socket, AAbort.byProvider(e.abortReason()), Duration.ofMillis(200));
                throw new AssociationAbortedException("malformed answer to A-ASSOCIATE-RQ: " + e.getMessage(), e);
            } catch (EOFException e) {
                throw new AssociationAbortedException("connection closed inside answer to A-ASSOCIATE-RQ", e);
            }
            if (answer == null) {
                throw new AssociationAbortedException("connection closed before A-ASSOCIATE-AC/RJ");
            }
            if (answer instanceof AAssociateRj rj) {
                throw new AssociationRejectedException(rj);
            }
            if (answer instanceof AAbort a) {
                throw new AssociationAbortedException("A-ABORT (source " + a.source() + ", reason " + a.reason()
                        + ") in answer to A-ASSOCIATE-RQ");
            }
            if (!(answer instanceof AAssociateAc ac)) {
                Association.sendAbortAndDrain(writer, socket, AAbort.byProvider(AAbort.REASON_UNEXPECTED_PDU),
                        Duration.ofMillis(200));
                throw new AssociationAbortedException("unexpected PDU type " + answer.type() + " in Sta5");
            }
            Association association = new Association(socket, reader, writer,
                    AssociationAcceptor.infoFor(rq, ac, String.valueOf(socket.getRemoteSocketAddress()),
                            Association.Role.REQUESTOR),
                    Association.Role.REQUESTOR, config.artimTimeout(), Duration.ofDays(1), config.maxPduLength());
            association.setListener(listenerFactory.apply(association));
            Thread readThread = new NamedThreadFactory("dicom-scu-" + config.callingAeTitle().trim() + "-read")
                    .newThread(association::runReadLoop);
            readThread.start();
            handedOver = true;
            log.debug("association established: {}", association);
            return association;
        } finally {
            if (!handedOver) {
                socket.close();
            }
        }
    }
}
