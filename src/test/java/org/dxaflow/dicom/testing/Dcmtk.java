package org.dxaflow.dicom.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real DCMTK command-line tools, our reference implementation in tests. A missing tool
 * fails the test loudly (CI installs the dcmtk package): a silently skipped interop test proves
 * nothing.
 */
public final class Dcmtk {

    /** dcmdump prints Latin-1 values as raw bytes; reading its output as Latin-1 keeps every byte. */
    private static final Charset RAW = StandardCharsets.ISO_8859_1;

    /** What a tool printed, its two streams kept apart. */
    public record Result(int exitCode, byte[] out, byte[] err) {

        /** Standard output decoded as Latin-1 (lossless for any bytes). */
        public String stdout() {
            return new String(out, RAW);
        }

        /** Standard output as UTF-8, for dcmdump +U8. */
        public String utf8() {
            return new String(out, StandardCharsets.UTF_8);
        }

        public String stderr() {
            return new String(err, RAW);
        }

        /**
         * Both streams as UTF-8, warnings (stderr) first: where a terminal shows them, since the
         * tools buffer their standard output and not their errors.
         */
        public String output() {
            return new String(err, StandardCharsets.UTF_8) + new String(out, StandardCharsets.UTF_8);
        }

        public Result assertOk() {
            assertEquals(0, exitCode, () -> "DCMTK failed (" + exitCode + "):\n" + stdout() + "\n" + stderr());
            return this;
        }
    }

    private Dcmtk() {
    }

    public static Path binary(String name) {
        // PATH first; then where the dcmtk package puts them, for a test run with a bare PATH
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/bin", "/usr/local/bin"));
        for (String dir : dirs) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return fail("DCMTK tool '" + name + "' not found on PATH: install the dcmtk package");
    }

    public static Result run(String tool, String... args) {
        List<String> cmd = command(tool, args);
        try {
            Process p = new ProcessBuilder(cmd).start();
            p.getOutputStream().close();
            // both streams at once: a tool blocked writing one while we wait on the other never ends
            CompletableFuture<byte[]> out = drain(p.getInputStream());
            CompletableFuture<byte[]> err = drain(p.getErrorStream());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return fail(tool + " did not finish within 60 s: " + cmd);
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted waiting for " + tool);
        }
    }

    /** Starts a long-running tool (storescp, wlmscpfs); the caller destroys it. */
    public static Process start(Path logFile, String tool, String... args) throws IOException {
        return new ProcessBuilder(command(tool, args)).redirectErrorStream(true).redirectOutput(logFile.toFile())
                .start();
    }

    private static List<String> command(String tool, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary(tool).toString());
        cmd.addAll(List.of(args));
        return cmd;
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

    /** Converts a dump from src/test/resources/dicom with dump2dcm into {@code out}. */
    public static Path dump2dcm(String resource, Path out, String... options) {
        return dump2dcm(resource(resource), out, options);
    }

    /** Converts dump text a test wrote with dump2dcm into {@code dir/name.dcm}. */
    public static Path dump2dcmText(String dump, Charset charset, Path dir, String name, String... options)
            throws IOException {
        Path dumpFile = Files.writeString(dir.resolve(name + ".dump"), dump, charset);
        return dump2dcm(dumpFile, dir.resolve(name + ".dcm"), options);
    }

    private static Path dump2dcm(Path dumpFile, Path out, String... options) {
        List<String> args = new ArrayList<>(List.of(options));
        args.add(dumpFile.toString());
        args.add(out.toString());
        Result r = run("dump2dcm", args.toArray(String[]::new)).assertOk();
        // dump2dcm exits 0 even when it reports errors, so check it made the file
        assertTrue(Files.exists(out), () -> "dump2dcm made no file:\n" + r.output());
        return out;
    }

    public static Result dcmdump(Path file, String... options) {
        List<String> args = new ArrayList<>(List.of(options));
        args.add(file.toString());
        return run("dcmdump", args.toArray(String[]::new));
    }

    /** A file under src/test/resources/dicom. */
    public static Path resource(String name) {
        try {
            var url = Dcmtk.class.getResource("/dicom/" + name);
            if (url == null) {
                return fail("missing test resource dicom/" + name);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
