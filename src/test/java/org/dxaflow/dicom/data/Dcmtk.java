package org.dxaflow.dicom.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * Runs the DCMTK command line tools, our reference implementation in tests. Fails (not skips)
 * when a tool is missing: CI installs dcmtk, and a silently skipped interop test proves nothing.
 */
final class Dcmtk {

    /** dcmdump prints Latin-1 values as raw bytes; reading its output as Latin-1 keeps every byte. */
    static final Charset OUTPUT = StandardCharsets.ISO_8859_1;

    record Result(int exitCode, byte[] out, String stderr) {
        /** Standard output decoded as Latin-1 (lossless for any bytes). */
        String stdout() {
            return new String(out, OUTPUT);
        }

        /** Standard output as UTF-8, for dcmdump +U8. */
        String utf8() {
            return new String(out, StandardCharsets.UTF_8);
        }

        Result assertOk() {
            assertEquals(0, exitCode, () -> "DCMTK failed (" + exitCode + "):\n" + stdout() + "\n" + stderr);
            return this;
        }
    }

    private Dcmtk() {
    }

    static Path tool(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return fail("DCMTK tool '" + name + "' not found on PATH: install dcmtk (apt-get install dcmtk)");
    }

    static Result run(String name, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(tool(name).toString());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).start();
            p.getOutputStream().close();
            CompletableFuture<byte[]> out = drain(p.getInputStream());
            CompletableFuture<byte[]> err = drain(p.getErrorStream());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return fail("DCMTK timed out: " + cmd);
            }
            return new Result(p.exitValue(), out.join(), new String(err.join(), OUTPUT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** Converts a dump from src/test/resources/dicom with dump2dcm into {@code out}. */
    static Path dump2dcm(String resource, Path out, String... options) {
        List<String> args = new ArrayList<>(List.of(options));
        args.add(resource(resource).toString());
        args.add(out.toString());
        run("dump2dcm", args.toArray(String[]::new)).assertOk();
        return out;
    }

    /** Converts dump text written by a test with dump2dcm. */
    static Path dump2dcmText(String dump, Charset charset, Path dir, String name, String... options)
            throws IOException {
        Path dumpFile = dir.resolve(name + ".dump");
        Files.writeString(dumpFile, dump, charset);
        List<String> args = new ArrayList<>(List.of(options));
        args.add(dumpFile.toString());
        Path out = dir.resolve(name + ".dcm");
        args.add(out.toString());
        run("dump2dcm", args.toArray(String[]::new)).assertOk();
        return out;
    }

    static Result dcmdump(Path file, String... options) {
        List<String> args = new ArrayList<>(List.of(options));
        args.add(file.toString());
        return run("dcmdump", args.toArray(String[]::new));
    }

    static Path resource(String name) {
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
