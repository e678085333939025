package org.dxaflow.dicom.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real Orthanc (Debian package, /usr/sbin/Orthanc) started for a test with its own configuration
 * on free ports, storage and index in a temporary directory, HTTP on loopback only, no plugins. A
 * missing binary fails the test: CI installs the orthanc package.
 */
public final class OrthancServer implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/Orthanc");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Process process;
    private final Path config;
    private final Path log;
    private final int dicomPort;
    private final int httpPort;
    private final String aeTitle;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private OrthancServer(Process process, Path config, Path log, int dicomPort, int httpPort, String aeTitle) {
        this.process = process;
        this.config = config;
        this.log = log;
        this.dicomPort = dicomPort;
        this.httpPort = httpPort;
        this.aeTitle = aeTitle;
    }

    public static OrthancServer start(Path dir, String aeTitle) throws Exception {
        return start(dir, aeTitle, cfg -> { });
    }

    /** @param configure adds to the generated configuration, e.g. DicomModalities */
    public static OrthancServer start(Path dir, String aeTitle, Consumer<ObjectNode> configure) throws Exception {
        if (!Files.isExecutable(BINARY)) {
            fail("Orthanc not found at " + BINARY + ": install the orthanc package");
        }
        int dicomPort = Dcmtk.freePort();
        int httpPort = Dcmtk.freePort();
        ObjectNode cfg = JSON.createObjectNode()
                .put("Name", "dxaflow-test")
                .put("StorageDirectory", Files.createDirectories(dir.resolve("storage")).toString())
                .put("IndexDirectory", Files.createDirectories(dir.resolve("index")).toString())
                .put("DicomAet", aeTitle)
                .put("DicomPort", dicomPort)
                .put("HttpPort", httpPort)
                .put("RemoteAccessAllowed", false)
                .put("AuthenticationEnabled", false)
                // an SCU calling the wrong AE title is rejected, as a strict PACS would
                .put("DicomCheckCalledAet", true)
                .put("StorageCompression", false);
        cfg.putArray("Plugins");
        configure.accept(cfg);
        Path config = dir.resolve("orthanc.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(config.toFile(), cfg);
        Path log = dir.resolve("orthanc.log");
        // --verbose: Orthanc then logs each association it receives, which the batch test counts
        Process p = new ProcessBuilder(BINARY.toString(), "--verbose", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        OrthancServer server = new OrthancServer(p, config, log, dicomPort, httpPort, aeTitle);
        server.awaitUp();
        return server;
    }

    private void awaitUp() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("Orthanc exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (request("/system").statusCode() == 200) {
                    Dcmtk.awaitListening(dicomPort, 10_000);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        close();
        fail("Orthanc did not answer on HTTP port " + httpPort + " within 30 s:\n" + Files.readString(log));
    }

    private HttpResponse<String> request(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET on the REST API; anything but 200 fails the test. */
    public JsonNode get(String path) throws Exception {
        HttpResponse<String> r = request(path);
        assertEquals(200, r.statusCode(), "GET " + path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** The body of a GET as bytes (e.g. /instances/{id}/file); anything but 200 fails the test. */
    public byte[] bytes(String path) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), "GET " + path);
        return r.body();
    }

    /** Stops the server (an outage); {@link #restart()} brings it back on the same ports and storage. */
    public void stop() throws InterruptedException {
        close();
    }

    public void restart() throws Exception {
        process = new ProcessBuilder(BINARY.toString(), "--verbose", config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitUp();
    }

    public int dicomPort() {
        return dicomPort;
    }

    public String aeTitle() {
        return aeTitle;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
