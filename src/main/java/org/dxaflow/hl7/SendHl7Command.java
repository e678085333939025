package org.dxaflow.hl7;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code send-hl7 --host H --port P [--timeout MS] FILE...}: sends each file as one message over a
 * single MLLP connection and prints the ACK. Exit status 0 when every ACK is AA (or CA), 1 when
 * any is not, 2 on bad usage or a connection failure.
 */
public final class SendHl7Command {

    private final PrintStream out;
    private final PrintStream err;

    public SendHl7Command(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        String host = "127.0.0.1";
        int port = 2575;
        int timeout = 10_000;
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--host" -> host = args[++i];
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--timeout" -> timeout = Integer.parseInt(args[++i]);
                    default -> files.add(Path.of(args[i]));
                }
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            err.println("usage: send-hl7 --host H --port P [--timeout MS] FILE...");
            return 2;
        }
        if (files.isEmpty()) {
            err.println("usage: send-hl7 --host H --port P [--timeout MS] FILE...");
            return 2;
        }
        boolean allAccepted = true;
        try (MllpClient client = new MllpClient(host, port, timeout)) {
            for (Path file : files) {
                String ack = client.send(Files.readString(file, StandardCharsets.ISO_8859_1));
                String code = ackCode(ack);
                allAccepted &= code.equals("AA") || code.equals("CA");
                out.println("== " + file + " -> " + code);
                out.println(ack.replace('\r', '\n').strip());
            }
        } catch (IOException e) {
            err.println("send-hl7: " + e.getMessage());
            return 2;
        }
        return allAccepted ? 0 : 1;
    }

    static String ackCode(String ack) {
        for (String seg : ack.split("\r")) {
            if (seg.startsWith("MSA")) {
                String[] f = seg.split("\\|");
                return f.length > 1 ? f[1] : "";
            }
        }
        return "";
    }
}
