package org.dxaflow.dicom.dimse.service;

import java.util.ArrayList;
import java.util.List;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DataSetReader;
import org.dxaflow.dicom.data.DicomParseException;
import org.dxaflow.dicom.data.Sequence;
import org.dxaflow.dicom.data.SopClass;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.TransferSyntax;
import org.dxaflow.dicom.dimse.DimseCommands;
import org.dxaflow.dicom.dimse.DimseMessage;
import org.dxaflow.dicom.dimse.NEventReportRq;
import org.dxaflow.dicom.dimse.NEventReportRsp;
import org.dxaflow.dicom.dimse.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Storage Commitment results (N-EVENT-REPORT, PS3.4 J.3.3) as the SCU of the Storage
 * Commitment Push Model SOP class and hands each to the transaction waiting for it in
 * {@link PendingCommitments}. Serves both an association the SCP opens to our listener
 * ({@link #registerWith}) and the association that sent the N-ACTION ({@link StorageCommitmentScu}).
 *
 * <p>Answers (PS3.7 10.1.1.1.8): Success once the report is handed over; Invalid Argument Value
 * (0x0115) for a report without a Transaction UID or for one no request is waiting for (unknown,
 * already reported, or given up on after a timeout), so the SCP learns the report was not taken
 * rather than believing it delivered; No Such Event Type (0x0113) for event types other than 1 and 2.
 */
public final class StorageCommitmentResults implements ServiceClassProvider {
    private static final Logger log = LoggerFactory.getLogger(StorageCommitmentResults.class);

    /** Event Type ID 1: all instances committed; 2: failures exist (PS3.4 table J.3-2). */
    static final int EVENT_SUCCESSFUL = 1;
    static final int EVENT_FAILURES_EXIST = 2;

    private final PendingCommitments pending;

    public StorageCommitmentResults(PendingCommitments pending) {
        this.pending = pending;
    }

    /**
     * Registers for the Storage Commitment Push Model SOP class in the acceptor's registry, in the
     * SCU role: the SCP opens the association to report and proposes to be its SCP.
     */
    public ServiceRegistry.Builder registerWith(ServiceRegistry.Builder builder) {
        return builder.registerAsScu(SopClass.STORAGE_COMMITMENT_PUSH_MODEL, this);
    }

    @Override
    public DimseReply handle(DimseRequestContext context, DimseMessage request) throws DicomParseException {
        if (!(request.command() instanceof NEventReportRq rq)) {
            // We are the SCU of this class: an N-ACTION to us asks for a service we do not perform.
            return DimseReply.of(DimseCommands.failureResponse(request.command(), Status.UNRECOGNIZED_OPERATION,
                    "storage commitment results only"));
        }
        // The Affected SOP Instance should be the well-known one (1.2.840.10008.1.20.1.1); we do not
        // refuse another, since the Transaction UID alone identifies the result.
        if (rq.eventTypeId() != EVENT_SUCCESSFUL && rq.eventTypeId() != EVENT_FAILURES_EXIST) {
            return answer(rq, Status.NO_SUCH_EVENT_TYPE, "event type " + rq.eventTypeId());
        }
        if (request.dataSet() == null) {
            return answer(rq, Status.INVALID_ARGUMENT_VALUE, "no event information");
        }
        Attributes info = DataSetReader.read(request.dataSet().bytes(),
                TransferSyntax.forUid(context.presentationContext().transferSyntax()));
        String transactionUid = info.getString(Tag.TransactionUID);
        if (transactionUid == null || transactionUid.isEmpty()) {
            return answer(rq, Status.INVALID_ARGUMENT_VALUE, "no Transaction UID");
        }
        List<SopReference> committed = new ArrayList<>();
        for (Attributes item : items(info.getSequence(Tag.ReferencedSOPSequence))) {
            SopReference ref = reference(item);
            if (ref != null) {
                committed.add(ref);
            }
        }
        List<CommitmentResult.Failure> failed = new ArrayList<>();
        for (Attributes item : items(info.getSequence(Tag.FailedSOPSequence))) {
            SopReference ref = reference(item);
            if (ref != null) {
                // Failure Reason is type 1; without one, Processing Failure is the honest reading.
                failed.add(new CommitmentResult.Failure(ref,
                        item.getInt(Tag.FailureReason, CommitmentResult.PROCESSING_FAILURE)));
            }
        }
        if (!pending.complete(transactionUid, rq.eventTypeId(), committed, failed)) {
            log.warn("{}: storage commitment report for unknown transaction {}", context.association().callingAeTitle(),
                    transactionUid);
            return answer(rq, Status.INVALID_ARGUMENT_VALUE, "unknown Transaction UID");
        }
        log.info("{}: storage commitment {}: {} committed, {} failed", context.association().callingAeTitle(), transactionUid,
                committed.size(), failed.size());
        return answer(rq, Status.SUCCESS, null);
    }

    private static List<Attributes> items(Sequence sequence) {
        return sequence == null ? List.of() : sequence.items();
    }

    /** A reference with both UIDs, or null: an incomplete one names no instance we could match. */
    private static SopReference reference(Attributes item) {
        String cuid = item.getString(Tag.ReferencedSOPClassUID);
        String iuid = item.getString(Tag.ReferencedSOPInstanceUID);
        try {
            return new SopReference(cuid, iuid);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static DimseReply answer(NEventReportRq rq, int status, String comment) {
        // Orthanc checks that the response repeats the Affected SOP Class and Instance UIDs.
        return DimseReply.of(new NEventReportRsp(rq.messageId(), rq.affectedSopClassUid(),
                rq.affectedSopInstanceUid(), rq.eventTypeId(), status, comment));
    }
}
