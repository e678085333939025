package org.dxaflow.results;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dxaflow.dicom.net.Uids;

/**
 * Which spooled objects have been announced: their SOP Instance UIDs, one a line, appended after
 * each durable batch. It is never synced: losing its tail in a crash only means those objects are
 * announced again at the next start, and the recorder takes each SOP Instance UID once.
 *
 * <p>Only the announcer thread appends, so a line is never interleaved with another.
 */
final class AnnouncementLedger {

    /** In the spool directory; the leading dot keeps it out of "*.dcm" listings. */
    static final String FILE_NAME = ".announced";

    private final Path file;
    /** Whether this run has made sure the file ends with a whole line before appending to it. */
    private boolean tailChecked;

    AnnouncementLedger(Path spoolDirectory) {
        this.file = spoolDirectory.resolve(FILE_NAME);
    }

    /**
     * The UIDs announced so far. A line a crash cut short is left out, even when what remains of
     * it is a valid UID: it could be the prefix of another object's UID, which must not count as
     * announced.
     */
    Set<String> read() throws IOException {
        return readAll().uids();
    }

    /** What the ledger holds: the UIDs, and how many lines it took (duplicates, cut lines and all). */
    record Contents(Set<String> uids, int lines) {
    }

    Contents readAll() throws IOException {
        Set<String> uids = new HashSet<>();
        int lines = 0;
        if (!Files.exists(file)) {
            return new Contents(uids, 0);
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            String uid = text.substring(start, nl);
            if (Uids.isValidUid(uid)) {
                uids.add(uid);
            }
            lines++;
            start = nl + 1;
        }
        return new Contents(uids, start < text.length() ? lines + 1 : lines);
    }

    /**
     * Rewrites the ledger to name exactly {@code keep}, one a line: it otherwise only grows (an
     * object announced twice after a crash is named twice; a removed spool file stays named), and
     * it is read whole at every catch-up. Atomic: the new ledger is written beside the old one,
     * synced, then renamed over it, so a crash leaves one or the other, never a mix. Only the
     * announcer thread calls this, and not while it appends.
     */
    void compact(Set<String> keep) throws IOException {
        Path next = file.resolveSibling(FILE_NAME + ".next");
        StringBuilder lines = new StringBuilder(keep.size() * 64);
        keep.stream().sorted().forEach(uid -> lines.append(uid).append('\n'));
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.US_ASCII));
        try (FileChannel ch = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
            ch.force(true);
        }
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory; the rename may then be lost in a crash, which
            // leaves the old ledger: longer, still right.
        }
        tailChecked = true; // it ends with a whole line now
    }

    /** Cuts a line a crash left unfinished; its object was never noted, so it is announced again. */
    private void dropUnfinishedLine() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        byte[] all = Files.readAllBytes(file); // once a run; read() has read it all at start already
        int end = all.length;
        while (end > 0 && all[end - 1] != '\n') {
            end--;
        }
        if (end < all.length) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(end);
            }
        }
    }

    void append(List<String> uids) throws IOException {
        if (!tailChecked) {
            // The first UID appended must start a line, not complete one a crash cut short.
            dropUnfinishedLine();
            tailChecked = true;
        }
        StringBuilder lines = new StringBuilder(uids.size() * 64);
        uids.forEach(uid -> lines.append(uid).append('\n'));
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.US_ASCII));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
        }
    }
}
