package org.dxaflow.dicom.dimse.storage;

import java.nio.file.Path;

/**
 * Result for one file of a batch.
 *
 * @param sopInstanceUid null if the file could not be read
 * @param status the C-STORE-RSP status, or -1 if none was received
 * @param failure null when the peer answered success or warning
 */
public record StoreOutcome(Path file, String sopInstanceUid, int status, StoreFailure failure) {
    public boolean succeeded() {
        return failure == null;
    }
}
