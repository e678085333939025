package org.dxaflow.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DicomFile;
import org.dxaflow.dicom.data.Tag;

/**
 * Spool files the ledger does not name (the engine stopped between a file's sync and its
 * announcement, or the announcer fell behind), read back into the events their store would have
 * announced. The file holds all of it: the data set, and the calling AE title as Source
 * Application Entity Title in its File Meta Information.
 */
final class UnannouncedObjects {

    private static final String SUFFIX = ".dcm";

    private final Path spoolDirectory;

    UnannouncedObjects(Path spoolDirectory) {
        this.spoolDirectory = spoolDirectory;
    }

    /** The SOP Instance UIDs of every spool file. */
    Set<String> spooled() throws IOException {
        try (Stream<Path> files = Files.list(spoolDirectory)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(SUFFIX) && !name.startsWith("."))
                    .map(name -> name.substring(0, name.length() - SUFFIX.length()))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    /** Spool files whose SOP Instance UID is not in {@code announced}, oldest first. */
    List<Path> find(Set<String> announced) throws IOException {
        record Found(Path file, long modified) {
        }
        try (Stream<Path> files = Files.list(spoolDirectory)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.endsWith(SUFFIX) && !name.startsWith(".")
                        && !announced.contains(name.substring(0, name.length() - SUFFIX.length()));
            }).map(f -> new Found(f, modified(f))).sorted(Comparator.comparingLong(Found::modified))
                    .map(Found::file).toList();
        }
    }

    /** The event for one spool file; receivedAt is when the file was written. */
    StoredObjectEvent read(Path file) throws IOException {
        DicomFile dicom = DicomFile.read(file);
        Attributes meta = dicom.fileMetaInformation();
        return StoredObjectEvent.of(meta.getString(Tag.MediaStorageSOPInstanceUID),
                meta.getString(Tag.MediaStorageSOPClassUID), dicom.dataSet(),
                meta.getString(Tag.SourceApplicationEntityTitle), file,
                Instant.ofEpochMilli(modified(file)));
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
