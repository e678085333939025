package org.dxaflow.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dxaflow.hl7.MllpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code send-hl7 [--host H] [--port P] [--timeout MS] FILE...}: sends each file as one message over a
 * single MLLP connection and prints the ACK. Exit status 0 when every ACK is AA (or CA), 1 when any
 * is not or the engine cannot be reached, 2 on bad usage (a missing file included: nothing is sent).
 */
@Command(name = "send-hl7", mixinStandardHelpOptions = true,
        versionProvider = org.dxaflow.app.Dxaflow.Version.class,
        description = "Send HL7 v2 files over MLLP, one message per file on one connection, and print each ACK.",
        footer = {"", "Exit codes: 0 every ACK AA/CA, 1 an ACK was not (or no connection), 2 usage error"
                + " (e.g. file not found; nothing is sent)."})
public final class SendHl7Command implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Engine host (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "2575",
            description = "MLLP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "10000",
            description = "Connect and ACK timeout in milliseconds (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "HL7 v2 message files (ER7).")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(), (Files.isDirectory(file)
                        ? "not a file: " : "file not found: ") + file);
            }
            if (!Files.isReadable(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "file not readable: " + file);
            }
        }
        boolean allAccepted = true;
        try (MllpClient client = new MllpClient(host, port, timeout)) {
            for (Path file : files) {
                String ack = client.send(Files.readString(file, StandardCharsets.ISO_8859_1));
                String code = ackCode(ack);
                allAccepted &= code.equals("AA") || code.equals("CA");
                out.println("== " + file + " -> " + code);
                out.println(ack.replace('\r', '\n').strip());
                out.flush();
            }
        } catch (IOException e) {
            err.println("send-hl7: cannot send to " + host + ":" + port + ": " + e);
            return CommandLine.ExitCode.SOFTWARE;
        }
        return allAccepted ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
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
