package org.dxaflow.dicom.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import org.dxaflow.dicom.net.Uids;
import org.dxaflow.dicom.net.pdu.AAssociateRq;
import org.dxaflow.dicom.net.pdu.Pdu;
import org.dxaflow.dicom.net.pdu.PduEncoder;
import org.dxaflow.dicom.net.pdu.PduFormatException;
import org.dxaflow.dicom.net.pdu.PduReader;
import org.dxaflow.dicom.net.pdu.PresentationContextRq;
import org.dxaflow.dicom.net.pdu.UserInformation;

/** A hand-driven peer on a raw socket, to send exactly the bytes a test wants. */
public final class RawPeer implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;

    public RawPeer(int port, int readTimeoutMillis) throws IOException {
        this("127.0.0.1", port, readTimeoutMillis);
    }

    /**
     * Connects from the given local address (any of 127.0.0.0/8 works on Linux), so one test can
     * play several hosts.
     */
    public RawPeer(String localAddress, int port, int readTimeoutMillis) throws IOException {
        socket = new Socket("127.0.0.1", port, java.net.InetAddress.getByName(localAddress), 0);
        socket.setSoTimeout(readTimeoutMillis);
        in = new BufferedInputStream(socket.getInputStream());
    }

    public static AAssociateRq echoRq(String called) {
        return new AAssociateRq(1, called, "RAWPEER", Uids.APPLICATION_CONTEXT,
                List.of(new PresentationContextRq(1, Uids.VERIFICATION, List.of(Uids.IMPLICIT_VR_LITTLE_ENDIAN))),
                UserInformation.of(16384, "1.2.3.4", null));
    }

    public void send(Pdu pdu) throws IOException {
        send(new PduEncoder().encode(pdu));
    }

    public void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    public Pdu read() throws IOException, PduFormatException {
        return new PduReader(in, 1 << 20).read();
    }

    /** True if the server closed the connection (EOF or reset) within the read timeout. */
    public boolean closedByPeer() throws IOException {
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // connection reset
        }
    }

    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
