package org.dxaflow.report.dicom;

import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.dimse.service.CommitmentResult;
import org.dxaflow.dicom.dimse.service.DimseStatusException;
import org.dxaflow.dicom.dimse.service.RemoteAe;
import org.dxaflow.dicom.dimse.service.SopReference;
import org.dxaflow.dicom.dimse.service.StorageCommitmentScu;
import org.dxaflow.report.DeliveryFailure;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Asks the PACS to confirm safe keeping of what was stored (Storage Commitment Push Model,
 * PS3.4 Annex J; IHE Scheduled Workflow). A delivery counts as done only when every instance is
 * reported committed: a failure, a partial report or no report in time is a failed attempt, retried
 * like any other (storing again is harmless: the same SOP Instance UIDs).
 */
public final class PacsCommitment {

    private final StorageCommitmentScu scu;
    private final RemoteAe pacs;
    private final String callingAet;
    private final Duration timeout;

    public PacsCommitment(StorageCommitmentScu scu, RemoteAe pacs, String callingAet, Duration timeout) {
        this.scu = scu;
        this.pacs = pacs;
        this.callingAet = callingAet;
        this.timeout = timeout;
    }

    public void confirm(List<Attributes> stored) {
        List<SopReference> refs = stored.stream()
                .map(a -> new SopReference(a.getString(Tag.SOPClassUID), a.getString(Tag.SOPInstanceUID))).toList();
        CommitmentResult result;
        try {
            result = scu.requestAndAwait(pacs, callingAet, refs, timeout);
        } catch (DimseStatusException e) {
            throw new DeliveryFailure("storage commitment refused by " + pacs.aeTitle() + ": " + e.getMessage(), false, e);
        } catch (IOException e) {
            throw new DeliveryFailure("storage commitment: " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("storage commitment interrupted", false, e);
        }
        if (result.allCommitted()) {
            return;
        }
        if (result.outcome() == CommitmentResult.Outcome.NO_REPORT) {
            throw new DeliveryFailure("stored, but " + pacs.aeTitle() + " sent no storage commitment report within "
                    + timeout.toSeconds() + " s (transaction " + result.transactionUid() + ")", false);
        }
        String failures = result.failed().stream()
                .map(f -> f.reference().sopInstanceUid() + " reason 0x" + Integer.toHexString(f.failureReason()))
                .collect(Collectors.joining(", "));
        throw new DeliveryFailure("stored, but " + pacs.aeTitle() + " did not commit: " + failures
                + (result.unreported().isEmpty() ? "" : "; not reported: " + result.unreported().size()), false);
    }
}
