package org.dxaflow.hl7.mllp;

import java.net.Socket;
import java.net.SocketTimeoutException;
import org.apache.camel.component.mllp.MllpEndpoint;
import org.apache.camel.component.mllp.MllpSocketException;
import org.apache.camel.component.mllp.internal.MllpSocketBuffer;
import org.dxaflow.hl7.RateLimitedLog;

/**
 * camel-mllp's receive buffer, turning "frame larger than the buffer may grow" into a refusal: the
 * connection is reset, what was read is dropped (never handed on as a message, never logged), and
 * one rate-limited line names the sender and the limit. camel-mllp itself lets the buffer's
 * IllegalStateException escape its reader, which leaves the connection open with no one reading it.
 */
final class BoundedMllpSocketBuffer extends MllpSocketBuffer {

    private final int maxMessageBytes;
    private final RateLimitedLog refusals;

    BoundedMllpSocketBuffer(MllpEndpoint endpoint, int maxMessageBytes, RateLimitedLog refusals) {
        super(endpoint);
        this.maxMessageBytes = maxMessageBytes;
        this.refusals = refusals;
    }

    @Override
    public synchronized void readFrom(Socket socket) throws MllpSocketException, SocketTimeoutException {
        try {
            super.readFrom(socket);
        } catch (IllegalStateException overLimit) {
            reset();
            resetSocket(socket);
            refusals.warn("MLLP message from {} refused: larger than {} bytes (dxaflow.hl7.max-message-bytes);"
                    + " connection reset", socket.getInetAddress().getHostAddress(), maxMessageBytes);
            // an empty buffer: camel-mllp then closes quietly instead of passing the bytes on as a message
            throw new MllpSocketException("message larger than " + maxMessageBytes + " bytes");
        }
    }
}
