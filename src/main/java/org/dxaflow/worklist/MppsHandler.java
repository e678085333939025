package org.dxaflow.worklist;

import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DataSetReader;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.TransferSyntax;
import org.dxaflow.dicom.data.UidGenerator;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.dimse.service.NormalizedHandler;
import org.dxaflow.orderbook.OrderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Modality Performed Procedure Step SCP (PS3.4 F.7): N-CREATE starts a step IN PROGRESS, N-SET
 * moves it to COMPLETED or DISCONTINUED, after which it may no longer change. Every accepted
 * change is published (durably) before the scanner is told success.
 */
public final class MppsHandler implements NormalizedHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MppsHandler.class);
    private static final Set<String> STATES = Set.of(ProcedureStepEvent.IN_PROGRESS, ProcedureStepEvent.COMPLETED,
            ProcedureStepEvent.DISCONTINUED);

    private final ProcedureStepStore steps;
    private final OrderStore orders;
    private final ProcedureStepEvents events;
    private final UidGenerator uids;
    private final Clock clock;

    public MppsHandler(ProcedureStepStore steps, OrderStore orders, ProcedureStepEvents events, UidGenerator uids,
            Clock clock) {
        this.steps = steps;
        this.orders = orders;
        this.events = events;
        this.uids = uids;
        this.clock = clock;
    }

    @Override
    public NResult create(NRequest request) throws IOException {
        Attributes a = attributes(request);
        String status = a.getString(Tag.PerformedProcedureStepStatus);
        if (status == null) {
            return failure(Status.MISSING_ATTRIBUTE_VALUE, request.sopInstanceUid(),
                    "Performed Procedure Step Status (0040,0252) is required");
        }
        if (!ProcedureStepEvent.IN_PROGRESS.equals(status)) {
            return failure(Status.INVALID_ATTRIBUTE_VALUE, request.sopInstanceUid(),
                    "N-CREATE must set Performed Procedure Step Status to IN PROGRESS, not " + status);
        }
        Attributes scheduled = a.getItem(Tag.ScheduledStepAttributesSequence, 0);
        if (scheduled == null) {
            return failure(Status.MISSING_ATTRIBUTE, request.sopInstanceUid(),
                    "Scheduled Step Attributes Sequence (0040,0270) is required");
        }
        String uid = request.sopInstanceUid() == null ? uids.createUid() : request.sopInstanceUid();
        String accession = scheduled.getString(Tag.AccessionNumber);
        String study = scheduled.getString(Tag.StudyInstanceUID);
        ProcedureStepEvent event = new ProcedureStepEvent(uid, status, orders.idFor(accession, study).orElse(null),
                accession, study, a.getString(Tag.PerformedStationAETitle),
                dateTime(a, Tag.PerformedProcedureStepStartDate, Tag.PerformedProcedureStepStartTime), null);
        if (!steps.create(event, clock.instant())) {
            return failure(Status.DUPLICATE_SOP_INSTANCE, uid, "MPPS instance " + uid + " already exists");
        }
        events.publish(event);
        LOG.info("MPPS {} IN PROGRESS for accession {} from {}", uid, accession, request.association().callingAeTitle());
        return NResult.of(Status.SUCCESS, uid);
    }

    @Override
    public NResult set(NRequest request) throws IOException {
        String uid = request.sopInstanceUid();
        var existing = uid == null ? java.util.Optional.<ProcedureStepEvent>empty() : steps.find(uid);
        if (existing.isEmpty()) {
            return failure(Status.NO_SUCH_SOP_INSTANCE, uid, "No MPPS instance " + uid);
        }
        ProcedureStepEvent current = existing.get();
        if (current.isFinal()) {
            // PS3.4 F.7.2.2.4.2: Processing failure, "Performed Procedure Step Object may no longer be updated".
            return failure(Status.PROCESSING_FAILURE, uid,
                    "Performed Procedure Step Object may no longer be updated (it is " + current.status() + ")");
        }
        Attributes a = attributes(request);
        String status = a.getString(Tag.PerformedProcedureStepStatus, current.status());
        if (!STATES.contains(status)) {
            return failure(Status.INVALID_ATTRIBUTE_VALUE, uid, "Performed Procedure Step Status '" + status
                    + "' is not IN PROGRESS, COMPLETED or DISCONTINUED");
        }
        String ended = dateTime(a, Tag.PerformedProcedureStepEndDate, Tag.PerformedProcedureStepEndTime);
        boolean finishing = !status.equals(ProcedureStepEvent.IN_PROGRESS);
        if (finishing && ended == null) {
            return failure(Status.MISSING_ATTRIBUTE_VALUE, uid,
                    "Performed Procedure Step End Date and Time are required to finish the step");
        }
        if (!finishing) {
            return NResult.of(Status.SUCCESS, uid);
        }
        ProcedureStepEvent next = new ProcedureStepEvent(uid, status, current.orderId(), current.accessionNumber(),
                current.studyInstanceUid(), current.performedStation(), current.startedAt(), ended);
        if (!steps.update(next, clock.instant())) {
            return failure(Status.PROCESSING_FAILURE, uid, "Performed Procedure Step Object may no longer be updated");
        }
        events.publish(next);
        LOG.info("MPPS {} {} for accession {}", uid, status, current.accessionNumber());
        return NResult.of(Status.SUCCESS, uid);
    }

    private static Attributes attributes(NRequest request) throws IOException {
        if (request.attributes() == null) {
            return new Attributes();
        }
        return DataSetReader.read(request.attributes().bytes(),
                TransferSyntax.forUid(request.attributes().transferSyntaxUid()));
    }

    private static String dateTime(Attributes a, Tag date, Tag time) {
        String d = a.getString(date);
        if (d == null) {
            return null;
        }
        String t = a.getString(time);
        return t == null ? d : d + t;
    }

    private static NResult failure(int status, String uid, String comment) {
        LOG.info("MPPS {} refused: {}", uid, comment);
        return new NResult(status, uid, null, comment);
    }
}
