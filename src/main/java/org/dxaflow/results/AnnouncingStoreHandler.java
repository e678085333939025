package org.dxaflow.results;

import java.io.IOException;
import java.time.Clock;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DataSetReader;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.TransferSyntax;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.dimse.storage.SpoolStoreHandler;
import org.dxaflow.dicom.dimse.storage.StoreRefusedException;
import org.dxaflow.dicom.dimse.storage.StoreHandler;
import org.dxaflow.dicom.dimse.storage.StoreRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spools each received object (fsync, atomic rename), then announces it on the durable queue, and
 * only then answers success. If the announcement fails the scanner is told "out of resources" and
 * will send again; the spool keeps the first copy and the announcement is retried, and the
 * recorder downstream takes each SOP Instance UID once.
 */
public final class AnnouncingStoreHandler implements StoreHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AnnouncingStoreHandler.class);

    private final SpoolStoreHandler spool;
    private final StoredObjectEvents events;
    private final Clock clock;

    public AnnouncingStoreHandler(SpoolStoreHandler spool, StoredObjectEvents events, Clock clock) {
        this.spool = spool;
        this.events = events;
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
        if (status != Status.SUCCESS) {
            return status;
        }
        StoredObjectEvent event = new StoredObjectEvent(request.sopInstanceUid(), request.sopClassUid(),
                ds.getString(Tag.StudyInstanceUID), ds.getString(Tag.SeriesInstanceUID),
                ds.getString(Tag.AccessionNumber), ds.getString(Tag.PatientID), request.callingAeTitle(),
                spool.pathFor(request.sopInstanceUid()).toAbsolutePath().toString(), clock.instant());
        try {
            events.publish(event);
        } catch (RuntimeException e) {
            LOG.error("Object {} spooled but could not be announced ({}); answering out of resources",
                    request.sopInstanceUid(), e.toString());
            return Status.OUT_OF_RESOURCES;
        }
        LOG.info("Stored {} from {} (accession {})", request.sopInstanceUid(), request.callingAeTitle(),
                event.accessionNumber());
        return Status.SUCCESS;
    }
}
