package org.dxaflow.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * A RIS standing in for the real one: an MLLP listener on a free port that records every message
 * and answers with a scripted acknowledgement (AA unless told otherwise), or by closing the
 * connection, or not at all.
 */
public final class FakeRis implements AutoCloseable {

    /** How the RIS answers a message. */
    public enum Answer {
        AA, AE, AR,
        /** Close the connection without answering. */
        CLOSE,
        /** Keep the connection open and never answer. */
        SILENT
    }

    /** One message as received, with how it was answered. */
    public record Received(String message, Answer answer) {
        public String field(String segment, int n) {
            return Samples.field(message, segment, n);
        }

        public String controlId() {
            return field("MSH", 10);
        }
    }

    private final ServerSocket server;
    private final Thread acceptor;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();
    private volatile Answer otherwise = Answer.AA;

    public FakeRis() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "fake-ris");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The next messages are answered so, in this order; after them {@link #otherwise}. */
    public synchronized FakeRis answerNext(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    public FakeRis otherwise(Answer answer) {
        this.otherwise = answer;
        return this;
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until a message matching {@code which} has been answered AA; returns every attempt at it. */
    public List<Received> awaitAccepted(Predicate<Received> which, Duration timeout) {
        return Await.until("RIS accepted a matching message", timeout, () -> received().stream().filter(which).toList(),
                list -> list.stream().anyMatch(r -> r.answer() == Answer.AA));
    }

    private synchronized Answer next(String message) {
        Answer a = script.isEmpty() ? otherwise : script.poll();
        received.add(new Received(message, a));
        return a;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "fake-ris-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (true) {
                String message = MllpFrames.read(in, StandardCharsets.ISO_8859_1);
                if (message == null) {
                    return;
                }
                Answer a = next(message);
                switch (a) {
                    case CLOSE -> {
                        return;
                    }
                    case SILENT -> {
                        // the sender must give up on its own; read until it does
                        while (in.read() >= 0) {
                            // discard
                        }
                        return;
                    }
                    default -> {
                        out.write(MllpFrames.frame(ack(message, a.name()), StandardCharsets.ISO_8859_1));
                        out.flush();
                    }
                }
            }
        } catch (IOException e) {
            // the sender hung up
        }
    }

    private static String ack(String message, String code) {
        return "MSH|^~\\&|RIS|RXA|DXAFLOW|DXA|20261128120000||ACK|R" + System.nanoTime() + "|P|"
                + Samples.field(message, "MSH", 12) + "\rMSA|" + code + "|" + Samples.field(message, "MSH", 10) + "\r";
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
