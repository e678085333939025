package org.dxaflow.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * How a syslog message reaches the server. Used by one thread only (the forwarder's), so the
 * implementations are not thread-safe. TLS (RFC 5425, the transport IHE ATNA asks for between
 * hosts) is not implemented yet: run the collector on the same host or network segment, or relay
 * through a local syslog daemon that forwards over TLS.
 */
interface SyslogTransport extends AutoCloseable {

    /** Sends one RFC 5424 message (the bytes of HEADER SP STRUCTURED-DATA [SP MSG]). */
    void send(byte[] message) throws IOException;

    @Override
    void close();

    static SyslogTransport udp(String host, int port) throws IOException {
        return new Udp(host, port);
    }

    static SyslogTransport tcp(String host, int port, int connectTimeoutMs) {
        return new Tcp(host, port, connectTimeoutMs);
    }

    /** RFC 5426: one message per datagram, nothing else in it; a lost datagram is lost. */
    final class Udp implements SyslogTransport {
        /** The largest UDP payload over IPv4; RFC 5426 3.2 says to truncate rather than fragment the message. */
        static final int MAX_DATAGRAM = 65_507;
        private final String host;
        private final int port;
        private final DatagramSocket socket;
        private InetSocketAddress target;

        Udp(String host, int port) throws IOException {
            this.host = host;
            this.port = port;
            this.socket = new DatagramSocket();
        }

        @Override
        public void send(byte[] message) throws IOException {
            if (target == null || target.isUnresolved()) {
                // resolved here, not at start: a collector's name that does not resolve yet must not stop the engine
                target = new InetSocketAddress(host, port);
                if (target.isUnresolved()) {
                    throw new IOException("cannot resolve syslog host " + host);
                }
            }
            int length = Math.min(message.length, MAX_DATAGRAM);
            socket.send(new DatagramPacket(message, length, target));
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    /**
     * RFC 6587 3.4.1 octet counting over one long-lived connection: {@code MSG-LEN SP SYSLOG-MSG},
     * which (unlike LF framing) survives the line breaks a message might contain. A failed write
     * drops the connection; the next message opens a new one.
     */
    final class Tcp implements SyslogTransport {
        private final String host;
        private final int port;
        private final int connectTimeoutMs;
        private Socket socket;
        private OutputStream out;

        Tcp(String host, int port, int connectTimeoutMs) {
            this.host = host;
            this.port = port;
            this.connectTimeoutMs = connectTimeoutMs;
        }

        @Override
        public void send(byte[] message) throws IOException {
            try {
                if (out == null) {
                    Socket s = new Socket();
                    s.connect(new InetSocketAddress(host, port), connectTimeoutMs);
                    socket = s;
                    out = s.getOutputStream();
                }
                out.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
                out.write(message);
                out.flush();
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a broken connection: nothing left to do
                }
            }
            socket = null;
            out = null;
        }
    }
}
