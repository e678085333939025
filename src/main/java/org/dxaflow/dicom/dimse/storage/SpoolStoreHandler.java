package org.dxaflow.dicom.dimse.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DicomFile;
import org.dxaflow.dicom.data.FileMetaInformation;
import org.dxaflow.dicom.data.TransferSyntax;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.net.Uids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Default {@link StoreHandler}: writes each object as a Part 10 file {@code <SOPInstanceUID>.dcm}
 * in a spool directory, durably, before answering success.
 *
 * <p>Durability and atomicity: write to a temp file in the same directory, fsync it, publish it
 * under its final name with a hard link (atomic and never overwrites), fsync the directory. A
 * reader therefore never sees a half-written file, and a crash never loses an acknowledged one.
 * A second store of the same SOP Instance UID finds the name taken and answers success without
 * rewriting (the first copy wins; DICOM objects with the same UID are meant to be identical).
 */
public final class SpoolStoreHandler implements StoreHandler {
    private static final Logger log = LoggerFactory.getLogger(SpoolStoreHandler.class);

    /** Where an object is written before it is synced and linked under its final name. */
    static final String TEMP_PREFIX = ".incoming-";
    static final String TEMP_SUFFIX = ".part";

    private final Path spoolDirectory;
    private final String implementationClassUid;
    private final String implementationVersionName;

    public SpoolStoreHandler(Path spoolDirectory, String implementationClassUid, String implementationVersionName)
            throws IOException {
        this.spoolDirectory = Files.createDirectories(spoolDirectory);
        this.implementationClassUid = implementationClassUid;
        this.implementationVersionName = implementationVersionName;
        removeLeftTempFiles();
    }

    /**
     * Temp files a kill left behind: one cut short mid-write was never answered Success (the
     * scanner sends it again), and one already linked under its final name is only a second name
     * of that file. Either way nothing refers to them, and they would pile up. Done here, before
     * the listener that uses this handler accepts any association, so none is being written.
     */
    private void removeLeftTempFiles() throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> left = Files.newDirectoryStream(spoolDirectory, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path temp : left) {
                if (Files.deleteIfExists(temp)) {
                    removed++;
                }
            }
        }
        if (removed > 0) {
            log.info("removed {} temp file(s) a stop left in the spool {}", removed, spoolDirectory);
        }
    }

    /** Where an instance is (or would be) spooled. */
    public Path pathFor(String sopInstanceUid) {
        return spoolDirectory.resolve(sopInstanceUid + ".dcm");
    }

    @Override
    public int store(StoreRequest request) throws IOException {
        // The UID becomes a file name: anything but a syntactically valid UID could escape the spool
        // directory ("../") or collide, so refuse it.
        if (!Uids.isValidUid(request.sopInstanceUid()) || !Uids.isValidUid(request.sopClassUid())) {
            return Status.CANNOT_UNDERSTAND;
        }
        Path target = pathFor(request.sopInstanceUid());
        if (Files.exists(target)) {
            log.info("duplicate SOP instance {} from {}: already spooled, not rewritten", request.sopInstanceUid(),
                    request.callingAeTitle());
            return Status.SUCCESS;
        }
        Attributes meta = FileMetaInformation.create(request.sopClassUid(), request.sopInstanceUid(),
                TransferSyntax.forUid(request.transferSyntaxUid()), implementationClassUid, implementationVersionName,
                request.callingAeTitle());
        Path temp = Files.createTempFile(spoolDirectory, TEMP_PREFIX, TEMP_SUFFIX);
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                writeFully(ch, ByteBuffer.wrap(DicomFile.encodeHeader(meta)));
                writeFully(ch, ByteBuffer.wrap(request.dataSet().bytes()));
                ch.force(true);
            }
            publish(temp, target);
            fsyncDirectory();
            return Status.SUCCESS;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void publish(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            log.info("{} appeared concurrently; keeping the first copy", target.getFileName());
        } catch (UnsupportedOperationException e) {
            // File system without hard links: rename is still atomic; the exists check above keeps
            // duplicates from being rewritten except in a narrow concurrent race.
            if (!Files.exists(target)) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private void fsyncDirectory() {
        try (FileChannel dir = FileChannel.open(spoolDirectory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some platforms cannot open directories; the file itself is already synced.
            log.debug("directory fsync not supported: {}", e.toString());
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
