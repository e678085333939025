package org.dxaflow.dicom.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dxaflow.dicom.dimse.service.RemoteAe;

/**
 * DCMTK wlmscpfs serving worklist files from a temporary directory. wlmscpfs looks for
 * {@code <data dir>/<called AE title>/*.wl} and needs a file named "lockfile" beside them.
 */
public final class DcmtkWorklistScp implements AutoCloseable {
    private final Path aeDir;
    private final Process process;
    private final int port;
    private final String aeTitle;

    private DcmtkWorklistScp(Path aeDir, Process process, int port, String aeTitle) {
        this.aeDir = aeDir;
        this.process = process;
        this.port = port;
        this.aeTitle = aeTitle;
    }

    /** @param options extra wlmscpfs options, e.g. "+xi" to accept Implicit VR Little Endian only */
    public static DcmtkWorklistScp start(Path dir, String aeTitle, String... options) throws Exception {
        Path aeDir = Files.createDirectories(dir.resolve("worklists").resolve(aeTitle));
        Files.createFile(aeDir.resolve("lockfile"));
        int port = Dcmtk.freePort();
        List<String> args = new ArrayList<>(List.of("-v", "--single-process"));
        args.addAll(List.of(options));
        args.addAll(List.of("-dfp", dir.resolve("worklists").toString(), String.valueOf(port)));
        // single process: no forked children to outlive the test
        Process p = Dcmtk.start(dir.resolve("wlmscpfs-" + aeTitle + ".log"), "wlmscpfs", args.toArray(String[]::new));
        Dcmtk.awaitListening(port, 10_000);
        return new DcmtkWorklistScp(aeDir, p, port, aeTitle);
    }

    /** Adds an item from the template; wlmscpfs reads the files on every query. */
    public DcmtkWorklistScp add(String accession, int n) throws Exception {
        WorklistItems.write(aeDir.resolve("item-" + n + ".wl"), accession, n);
        return this;
    }

    public RemoteAe remote() {
        return new RemoteAe("127.0.0.1", port, aeTitle);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
