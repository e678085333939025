package org.dxaflow.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dxaflow.testing.Http;

/**
 * dxaflow in its own JVM, started as operators start it ({@code java ... org.dxaflow.app.Dxaflow ARGS})
 * with {@code DXAFLOW_*} environment variables, its output captured in a file.
 */
final class EngineProcess implements AutoCloseable {

    final Process process;
    final Path log;

    private EngineProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The engine on the given ports, every listener on the loopback address. */
    static Map<String, String> env(Path dataDir, int hl7Port, int httpPort, int dicomPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DXAFLOW_DATA_DIR", dataDir.toString());
        env.put("DXAFLOW_HL7_PORT", Integer.toString(hl7Port));
        env.put("DXAFLOW_HTTP_PORT", Integer.toString(httpPort));
        env.put("DXAFLOW_DICOM_PORT", Integer.toString(dicomPort));
        env.put("DXAFLOW_HTTP_HOST", "127.0.0.1");
        env.put("DXAFLOW_HL7_HOST", "127.0.0.1");
        env.put("DXAFLOW_DICOM_HOST", "127.0.0.1");
        env.put("DXAFLOW_USERS_FILE", org.dxaflow.testing.TestUsers.file().toString());
        return env;
    }

    static EngineProcess start(Path logDir, Map<String, String> env, String... args) {
        return start(logDir, env, List.of(), args);
    }

    static EngineProcess start(Path logDir, Map<String, String> env, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.dxaflow.app.Dxaflow");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("DXAFLOW_"));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Path log = logDir.resolve("engine-" + System.nanoTime() + ".log");
        pb.redirectOutput(log.toFile());
        pb.directory(new File(System.getProperty("user.dir")));
        try {
            return new EngineProcess(pb.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until /api/health answers 200; fails at once if the process exits first. */
    Duration awaitHealthy(Http http, Duration timeout) {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("engine exited with " + process.exitValue() + " before it was healthy:\n"
                        + tail(40));
            }
            try {
                if (http.get("/api/health").status() == 200) {
                    return Duration.ofNanos(System.nanoTime() - t0);
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            sleep(100);
        }
        throw new AssertionError("engine not healthy within " + timeout + ":\n" + tail(40));
    }

    /** Waits for the process to end; fails if it is still running after the timeout. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("still running after " + timeout + ":\n" + tail(40));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return process.exitValue();
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long logSize() {
        try {
            return Files.size(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String tail(int lines) {
        List<String> all = output().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
