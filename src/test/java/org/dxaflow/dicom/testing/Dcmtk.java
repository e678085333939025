package org.dxaflow.dicom.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real DCMTK command-line tools. Missing binaries fail the test loudly (CI installs the
 * dcmtk package); they are never silently skipped.
 */
public final class Dcmtk {
    public record Result(int exitCode, String output) {
    }

    private Dcmtk() {
    }

    public static Path binary(String name) {
        for (String dir : List.of("/usr/bin", "/usr/local/bin")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        fail("DCMTK binary '" + name + "' not found in /usr/bin or /usr/local/bin: install the dcmtk package");
        throw new AssertionError();
    }

    public static Result run(String tool, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary(tool).toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(tool + " did not finish within 60 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Starts a long-running tool (storescp); the caller destroys it. */
    public static Process start(Path logFile, String tool, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary(tool).toString());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits until something listens on the port (for tools we started). */
    public static void awaitListening(int port, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        fail("nothing listening on port " + port + " after " + timeoutMillis + " ms");
    }
}
