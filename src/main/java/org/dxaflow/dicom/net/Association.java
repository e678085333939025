package org.dxaflow.dicom.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dxaflow.dicom.net.pdu.AAbort;
import org.dxaflow.dicom.net.pdu.AReleaseRp;
import org.dxaflow.dicom.net.pdu.AReleaseRq;
import org.dxaflow.dicom.net.pdu.PDataTf;
import org.dxaflow.dicom.net.pdu.Pdu;
import org.dxaflow.dicom.net.pdu.PduFormatException;
import org.dxaflow.dicom.net.pdu.PduReader;
import org.dxaflow.dicom.net.pdu.PduWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An established association, for either role: owns the socket, runs the read loop that drives the
 * state machine, and offers P-DATA sending, release and abort to the upper layer.
 *
 * <p>Threading: exactly one thread runs {@link #runReadLoop()}; any thread may call
 * {@link #send}, {@link #release()} and {@link #abort()} (PDU writes are serialized by
 * {@link PduWriter}).
 */
public final class Association {
    public enum Role { REQUESTOR, ACCEPTOR }

    private static final Logger log = LoggerFactory.getLogger(Association.class);
    /** Upper bound for waiting on the peer to close after we sent A-ABORT/RP: never hang on it. */
    private static final long MAX_DRAIN_MILLIS = 2000;

    private final Socket socket;
    private final PduReader reader;
    private final PduWriter writer;
    private final AssociationInfo info;
    private final Role role;
    private final Duration artimTimeout;
    private final Duration idleTimeout;
    private final long ourMaxPduLength;
    private final StateMachine stateMachine = new StateMachine();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private final CompletableFuture<Void> releaseConfirmed = new CompletableFuture<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final Object stateLock = new Object();
    private volatile ProtocolState state = ProtocolState.STA6_ESTABLISHED;
    private volatile AssociationListener listener;
    private volatile Throwable localAbortCause;
    private volatile Throwable closeCause;

    Association(Socket socket, PduReader reader, PduWriter writer, AssociationInfo info, Role role,
                Duration artimTimeout, Duration idleTimeout, long ourMaxPduLength) {
        this.socket = socket;
        this.reader = reader;
        this.writer = writer;
        this.info = info;
        this.role = role;
        this.artimTimeout = artimTimeout;
        this.idleTimeout = idleTimeout;
        this.ourMaxPduLength = ourMaxPduLength;
    }

    public AssociationInfo info() {
        return info;
    }

    public Role role() {
        return role;
    }

    public ProtocolState state() {
        return state;
    }

    public boolean isOpen() {
        return closedLatch.getCount() > 0;
    }

    void setListener(AssociationListener listener) {
        this.listener = listener;
    }

    /** Sends one P-DATA-TF; the caller (DIMSE layer) has already fragmented to the peer's max PDU. */
    public void send(PDataTf pdata) throws IOException {
        ProtocolState s = state;
        if (s != ProtocolState.STA6_ESTABLISHED && s != ProtocolState.STA7_AWAITING_RELEASE_RP
                && s != ProtocolState.STA8_AWAITING_LOCAL_RELEASE_RESPONSE) {
            throw new AssociationAbortedException("cannot send P-DATA in state " + s);
        }
        writer.write(pdata);
    }

    /**
     * Orderly release (requestor side): A-RELEASE-RQ, wait ARTIM for A-RELEASE-RP, close. On
     * timeout the association is aborted, as PS3.8 prescribes for ARTIM expiry.
     */
    public void release() throws IOException {
        synchronized (stateLock) {
            if (state != ProtocolState.STA6_ESTABLISHED) {
                throw new AssociationAbortedException("cannot release in state " + state);
            }
            state = ProtocolState.STA7_AWAITING_RELEASE_RP;
        }
        writer.write(new AReleaseRq());
        try {
            releaseConfirmed.get(artimTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abort();
            throw new SocketTimeoutException("no A-RELEASE-RP within " + artimTimeout);
        } catch (ExecutionException e) {
            throw new AssociationAbortedException("association ended during release", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new AssociationAbortedException("interrupted during release");
        }
    }

    /** A-ABORT as service user (e.g. a client giving up). Idempotent. */
    public void abort() {
        abort(AAbort.byUser(), new AssociationAbortedException("aborted locally"));
    }

    private void abort(AAbort pdu, Throwable cause) {
        synchronized (stateLock) {
            if (!isOpen() || state == ProtocolState.STA13_AWAITING_TRANSPORT_CLOSE) {
                return;
            }
            state = ProtocolState.STA13_AWAITING_TRANSPORT_CLOSE;
            localAbortCause = cause;
        }
        try {
            writer.write(pdu);
        } catch (IOException e) {
            log.debug("could not send A-ABORT: {}", e.toString());
        }
        // Closing wakes the read loop, which then finishes with localAbortCause.
        closeSocket();
    }

    /** Why the association ended (null while open or after orderly release). */
    public Throwable closeCause() {
        return closeCause;
    }

    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return closedLatch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs until the association ends; drives the state machine for every received PDU. */
    public void runReadLoop() {
        Throwable cause = null;
        try {
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, idleTimeout.toMillis()));
            cause = loop();
        } catch (IOException e) {
            cause = localAbortCause != null ? localAbortCause
                    : state == ProtocolState.STA13_AWAITING_TRANSPORT_CLOSE ? null
                    : new AssociationAbortedException("transport failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            log.error("bug in association read loop", e);
            abortFromReader(AAbort.REASON_NOT_SPECIFIED);
            cause = e;
        } finally {
            finish(cause);
        }
    }

    private Throwable loop() throws IOException {
        while (true) {
            Pdu pdu;
            try {
                pdu = reader.read();
            } catch (SocketTimeoutException e) {
                AssociationListener l = listener;
                if (state == ProtocolState.STA6_ESTABLISHED && (l == null || !l.hasOutstandingOperations())) {
                    log.info("{}: idle for {}, aborting", describe(), idleTimeout);
                    abortFromReader(AAbort.REASON_NOT_SPECIFIED);
                    return new AssociationAbortedException("idle timeout " + idleTimeout);
                }
                continue;
            } catch (PduFormatException e) {
                log.warn("{}: malformed PDU, aborting: {}", describe(), e.getMessage());
                abortFromReader(e.abortReason());
                return new AssociationAbortedException("malformed PDU: " + e.getMessage(), e);
            }
            if (pdu == null) {
                if (localAbortCause != null) {
                    return localAbortCause;
                }
                return state == ProtocolState.STA13_AWAITING_TRANSPORT_CLOSE ? null
                        : new AssociationAbortedException("peer closed the connection without release");
            }
            StateMachine.Action action = stateMachine.onPdu(state, pdu.type());
            switch (action) {
                case DELIVER_PDATA -> {
                    long length = variableFieldLength((PDataTf) pdu);
                    if (ourMaxPduLength > 0 && length > ourMaxPduLength) {
                        // PS3.8 D.1: the peer must respect the maximum we advertised (DCMTK
                        // enforces the same: "DUL Illegal PDU Length").
                        log.warn("{}: P-DATA-TF of {} bytes exceeds our maximum {}, aborting", describe(), length,
                                ourMaxPduLength);
                        abortFromReader(AAbort.REASON_INVALID_PARAMETER_VALUE);
                        return new AssociationAbortedException("P-DATA-TF length " + length
                                + " exceeds negotiated maximum " + ourMaxPduLength);
                    }
                    try {
                        listener.onPData((PDataTf) pdu);
                    } catch (PduFormatException e) {
                        log.warn("{}: DIMSE protocol error, aborting: {}", describe(), e.getMessage());
                        abortFromReader(e.abortReason());
                        return new AssociationAbortedException("DIMSE protocol error: " + e.getMessage(), e);
                    }
                }
                case RELEASE_REQUESTED -> {
                    state = ProtocolState.STA8_AWAITING_LOCAL_RELEASE_RESPONSE;
                    if (listener != null) {
                        listener.onReleaseRequested();
                    }
                    writer.write(new AReleaseRp());
                    state = ProtocolState.STA13_AWAITING_TRANSPORT_CLOSE;
                    // The requestor closes the transport after our RP (PS3.8 AR-4 / ARTIM).
                    drainUntilPeerCloses();
                    return null;
                }
                case RELEASE_COLLISION -> writer.write(new AReleaseRp());
                case RELEASE_CONFIRMED -> {
                    state = ProtocolState.STA13_AWAITING_TRANSPORT_CLOSE;
                    releaseConfirmed.complete(null);
                    return null;
                }
                case PEER_ABORTED -> {
                    AAbort a = (AAbort) pdu;
                    log.info("{}: peer sent A-ABORT source {} reason {}", describe(), a.source(), a.reason());
                    state = ProtocolState.STA13_AWAITING_TRANSPORT_CLOSE;
                    return new AssociationAbortedException("peer aborted (source " + a.source()
                            + ", reason " + a.reason() + ")");
                }
                case IGNORE -> { }
                case ABORT_UNEXPECTED -> {
                    log.warn("{}: unexpected PDU type {} in {}, aborting", describe(), pdu.type(), state);
                    abortFromReader(AAbort.REASON_UNEXPECTED_PDU);
                    return new AssociationAbortedException("unexpected PDU type " + pdu.type());
                }
            }
        }
    }

    private static long variableFieldLength(PDataTf pdata) {
        long n = 0;
        for (var pdv : pdata.pdvs()) {
            n += pdv.encodedLength();
        }
        return n;
    }

    /** A-ABORT sent from the read thread: we may drain the input so the peer sees the PDU, not a RST. */
    private void abortFromReader(int reason) {
        synchronized (stateLock) {
            if (state == ProtocolState.STA13_AWAITING_TRANSPORT_CLOSE) {
                return;
            }
            state = ProtocolState.STA13_AWAITING_TRANSPORT_CLOSE;
        }
        sendAbortAndDrain(writer, socket, AAbort.byProvider(reason), artimTimeout);
    }

    private void drainUntilPeerCloses() {
        drain(socket, artimTimeout);
    }

    /**
     * Sends A-ABORT, half-closes and discards input until the peer closes (bounded). Closing a TCP
     * socket with unread input makes the kernel send RST, which can destroy the A-ABORT in flight.
     */
    static void sendAbortAndDrain(PduWriter writer, Socket socket, AAbort abort, Duration artim) {
        try {
            writer.write(abort);
        } catch (IOException e) {
            log.debug("could not send A-ABORT: {}", e.toString());
            return;
        }
        drain(socket, artim);
    }

    static void drain(Socket socket, Duration artim) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(artim.toMillis(), MAX_DRAIN_MILLIS));
        try {
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[8192];
            while (true) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                socket.setSoTimeout((int) left);
                if (in.read(sink) < 0) {
                    return;
                }
            }
        } catch (IOException e) {
            // timeout or reset: either way we are done with this transport
        }
    }

    private void finish(Throwable cause) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        state = ProtocolState.STA1_IDLE;
        closeCause = cause;
        closeSocket();
        if (cause == null) {
            releaseConfirmed.complete(null);
        } else {
            releaseConfirmed.completeExceptionally(cause);
        }
        closedLatch.countDown();
        AssociationListener l = listener;
        if (l != null) {
            try {
                l.onClosed(cause);
            } catch (RuntimeException e) {
                log.warn("listener failed on close", e);
            }
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing useful to do
        }
    }

    String describe() {
        return info.callingAeTitle() + "->" + info.calledAeTitle() + "@" + info.remoteAddress();
    }

    @Override
    public String toString() {
        return "Association[" + role + " " + describe() + " " + state + "]";
    }
}
