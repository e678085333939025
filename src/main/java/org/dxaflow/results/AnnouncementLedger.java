package org.dxaflow.results;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Set<String> uids = new HashSet<>();
        if (!Files.exists(file)) {
            return uids;
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            String uid = text.substring(start, nl);
            if (Uids.isValidUid(uid)) {
                uids.add(uid);
            }
            start = nl + 1;
        }
        return uids;
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
