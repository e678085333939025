package org.dxaflow.hl7;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A minimal MLLP (HL7 v2 Minimal Lower Layer Protocol, release 2) client: frames a message with
 * VT ... FS CR and reads the framed acknowledgement. One connection, used for many messages.
 */
public final class MllpClient implements AutoCloseable {

    private static final int START = 0x0b;
    private static final int END = 0x1c;
    private static final int CR = 0x0d;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Charset charset;

    public MllpClient(String host, int port, int timeoutMs) throws IOException {
        this(host, port, timeoutMs, StandardCharsets.ISO_8859_1);
    }

    public MllpClient(String host, int port, int timeoutMs, Charset charset) throws IOException {
        this.socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), timeoutMs);
        socket.setSoTimeout(timeoutMs);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.charset = charset;
    }

    /** Sends one message (segments separated by CR; LF and CRLF are converted) and waits for the ACK. */
    public String send(String message) throws IOException {
        sendRaw(toWire(message).getBytes(charset));
        return readFrame();
    }

    /** Writes bytes inside an MLLP frame as they are; for tests of what the listener does with junk. */
    public void sendRaw(byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 3);
        frame.write(START);
        frame.write(payload);
        frame.write(END);
        frame.write(CR);
        out.write(frame.toByteArray());
        out.flush();
    }

    /** Writes bytes with no framing at all. */
    public void writeUnframed(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads the next framed message; throws on a closed connection. */
    public String readFrame() throws IOException {
        int b;
        while ((b = in.read()) != START) {
            if (b < 0) {
                throw new IOException("connection closed before an acknowledgement was received");
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        while (true) {
            b = in.read();
            if (b < 0) {
                throw new IOException("connection closed inside an MLLP frame");
            }
            if (b == END) {
                in.read(); // trailing CR
                return body.toString(charset);
            }
            body.write(b);
        }
    }

    /** HL7 wants CR between segments; files on disk usually have LF. */
    public static String toWire(String message) {
        return message.strip().replace("\r\n", "\r").replace('\n', '\r') + "\r";
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
