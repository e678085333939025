package org.dxaflow.hl7.mllp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import org.apache.camel.Processor;
import org.apache.camel.component.mllp.MllpEndpoint;
import org.apache.camel.component.mllp.MllpTcpServerConsumer;
import org.apache.camel.component.mllp.internal.TcpSocketConsumerRunnable;
import org.dxaflow.hl7.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * camel-mllp's listener with two limits enforced when a connection is accepted and while it reads.
 *
 * <ul>
 *   <li>One remote address holds at most {@code maxConnectionsPerAddress} connections: without it, one
 *       host that opens connections and sits on them takes every slot ({@code maxConcurrentConsumers})
 *       and the real RIS is locked out. A refused connection is closed at once, before anything is read.
 *   <li>Each connection reads through a {@link BoundedMllpSocketBuffer}, so an oversized message resets
 *       the connection instead of being read whole or, truncated, acknowledged.
 * </ul>
 *
 * <p>camel-mllp's own acceptance step (a validation task that makes a first read) is not used: when
 * that read fails with anything but an I/O error the task dies silently and leaves the connection open
 * and unread. The connection goes straight to camel-mllp's reader, whose errors close it.
 */
final class GuardedMllpConsumer extends MllpTcpServerConsumer {

    // Not this class's name: camel-mllp logs each connection under this class's name + port, and
    // logback.xml keeps that at ERROR as for the rest of camel-mllp.
    private static final Logger LOG = LoggerFactory.getLogger(GuardedMllpComponent.class);

    private final int maxConnectionsPerAddress;
    private final int maxMessageBytes;
    private final RateLimitedLog refusals = new RateLimitedLog(LOG, "MLLP connections or messages refused", 10,
            60_000, System::currentTimeMillis);

    GuardedMllpConsumer(MllpEndpoint endpoint, Processor processor, int maxConnectionsPerAddress,
            int maxMessageBytes) {
        super(endpoint, processor);
        this.maxConnectionsPerAddress = maxConnectionsPerAddress;
        this.maxMessageBytes = maxMessageBytes;
    }

    // Called on the accept thread, one connection at a time, so the counts below cannot race.
    @Override
    public void validateConsumer(Socket socket) {
        InetAddress remote = socket.getInetAddress();
        int all = getConsumerRunnables().size();
        if (all >= getConfiguration().getMaxConcurrentConsumers()) {
            refusals.warn("MLLP connection from {} refused: the listener already has {} connections"
                    + " (dxaflow.hl7.max-connections)", remote.getHostAddress(), all);
            closeQuietly(socket);
            return;
        }
        if (held(remote) >= maxConnectionsPerAddress) {
            refusals.warn("MLLP connection from {} refused: it already holds {} connections"
                    + " (dxaflow.hl7.max-connections-per-address)", remote.getHostAddress(), maxConnectionsPerAddress);
            closeQuietly(socket);
            return;
        }
        startConsumer(socket, new BoundedMllpSocketBuffer(getEndpoint(), maxMessageBytes, refusals));
    }

    private long held(InetAddress remote) {
        return getConsumerRunnables().keySet().stream()
                .map(TcpSocketConsumerRunnable::getSocket)
                .filter(s -> !s.isClosed() && remote.equals(s.getInetAddress()))
                .count();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
