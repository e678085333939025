package org.dxaflow.results;

import java.io.IOException;
import java.time.Clock;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DataSetReader;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.TransferSyntax;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.dimse.storage.SpoolStoreHandler;
import org.dxaflow.dicom.dimse.storage.StoreHandler;
import org.dxaflow.dicom.dimse.storage.StoreRefusedException;
import org.dxaflow.dicom.dimse.storage.StoreRequest;

/**
 * Spools each received object (file and directory synced, atomic link) and answers success as soon
 * as it is: the spool is the durable record. The announcement on the durable queue follows on the
 * {@link SpoolAnnouncer}'s thread; if the engine stops first, the next start announces the file.
 */
public final class AnnouncingStoreHandler implements StoreHandler {

    private final SpoolStoreHandler spool;
    private final SpoolAnnouncer announcer;
    private final Clock clock;

    public AnnouncingStoreHandler(SpoolStoreHandler spool, SpoolAnnouncer announcer, Clock clock) {
        this.spool = spool;
        this.announcer = announcer;
        this.clock = clock;
    }

    @Override
    public int store(StoreRequest request) throws IOException, StoreRefusedException {
        // Read before keeping: bytes that are not a data set are answered "cannot understand", so the
        // scanner learns it sent garbage instead of being told it was stored.
        Attributes ds;
        try {
            ds = DataSetReader.read(request.dataSet().bytes(), TransferSyntax.forUid(request.transferSyntaxUid()));
        } catch (IOException | RuntimeException e) {
            throw new StoreRefusedException(Status.CANNOT_UNDERSTAND, "data set cannot be parsed: " + e.getMessage());
        }
        if (!request.sopInstanceUid().equals(ds.getString(Tag.SOPInstanceUID))) {
            throw new StoreRefusedException(Status.CANNOT_UNDERSTAND,
                    "data set SOP Instance UID differs from the command's");
        }
        int status = spool.store(request);
        if (status == Status.SUCCESS) {
            announcer.announce(StoredObjectEvent.of(request.sopInstanceUid(), request.sopClassUid(), ds,
                    request.callingAeTitle(), spool.pathFor(request.sopInstanceUid()), clock.instant()));
        }
        return status;
    }
}
