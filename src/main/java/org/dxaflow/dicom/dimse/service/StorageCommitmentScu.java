package org.dxaflow.dicom.dimse.service;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DataSetWriter;
import org.dxaflow.dicom.data.Sequence;
import org.dxaflow.dicom.data.SopClass;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.TransferSyntax;
import org.dxaflow.dicom.data.UidGenerator;
import org.dxaflow.dicom.dimse.DataSet;
import org.dxaflow.dicom.dimse.DimseMessage;
import org.dxaflow.dicom.dimse.NActionRq;
import org.dxaflow.dicom.dimse.NActionRsp;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.net.AssociationAbortedException;
import org.dxaflow.dicom.net.AssociationRequestor;
import org.dxaflow.dicom.net.PresentationContext;
import org.dxaflow.dicom.net.RequestorConfig;
import org.dxaflow.dicom.net.Uids;
import org.dxaflow.dicom.net.pdu.PresentationContextRq;

/**
 * Storage Commitment Push Model SCU (PS3.4 J.3; IHE Scheduled Workflow "Storage Commitment"):
 * asks an archive to take responsibility for instances we stored, so we may delete our copies.
 *
 * <p>The request is an N-ACTION (Action Type 1) on the well-known SOP instance with a Transaction
 * UID and the Referenced SOP Sequence. The SCP answers asynchronously with an N-EVENT-REPORT,
 * either on our association while it is still open or on a new association it opens to our
 * listening AE (Orthanc does the latter, to the modality its DicomModalities lists for our AE
 * title). This class serves the first case itself, keeping the association open for
 * {@code sameAssociationWait}; the second needs {@link StorageCommitmentResults} registered with
 * the same {@link PendingCommitments} in the listener's {@link ServiceRegistry}.
 */
public final class StorageCommitmentScu {

    /** Well-known SOP Instance of the Storage Commitment Push Model (PS3.4 J.3.1). */
    public static final String WELL_KNOWN_INSTANCE = "1.2.840.10008.1.20.1.1";
    /** Action Type ID "Request Storage Commitment" (PS3.4 table J.3-1). */
    public static final int REQUEST_STORAGE_COMMITMENT = 1;

    private static final int CONTEXT_ID = 1;

    /** A request the SCP accepted; its result arrives later. */
    public static final class Commitment {
        private final String transactionUid;
        private final List<SopReference> requested;
        private final CompletableFuture<CommitmentResult> result;
        private final PendingCommitments pending;

        Commitment(String transactionUid, List<SopReference> requested, CompletableFuture<CommitmentResult> result,
                   PendingCommitments pending) {
            this.transactionUid = transactionUid;
            this.requested = List.copyOf(requested);
            this.result = result;
            this.pending = pending;
        }

        public String transactionUid() {
            return transactionUid;
        }

        /** Completes with the report, or with {@link CommitmentResult.Outcome#NO_REPORT} once given up on. */
        public CompletableFuture<CommitmentResult> result() {
            return result;
        }

        /**
         * Waits for the report. On timeout the transaction is given up (a later report is answered as
         * unknown) and the result says nothing was committed.
         */
        public CommitmentResult await(Duration timeout) throws InterruptedException {
            try {
                return result.get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                pending.forget(transactionUid);
                // forget() completed the future unless the report won the race; either way it is done.
                return result.getNow(CommitmentResult.noReport(transactionUid, requested));
            } catch (ExecutionException e) {
                throw new IllegalStateException("commitment future failed", e.getCause());
            }
        }
    }

    private final RequestorConfig config;
    private final PendingCommitments pending;
    private final UidGenerator uids;
    private final Duration sameAssociationWait;

    /**
     * @param pending shared with the listener's {@link StorageCommitmentResults}
     * @param uids source of Transaction UIDs (the site's UID root)
     * @param sameAssociationWait how long to keep our association open after the N-ACTION-RSP for a
     *     report on it; zero releases at once, leaving the report to a new association
     */
    public StorageCommitmentScu(RequestorConfig config, PendingCommitments pending, UidGenerator uids,
                                Duration sameAssociationWait) {
        this.config = config;
        this.pending = pending;
        this.uids = uids;
        this.sameAssociationWait = sameAssociationWait;
    }

    /**
     * Requests commitment and waits for the result.
     *
     * @param callingAet our AE title for this association: the archive sends the report to the AE it
     *     has configured under this title
     * @param timeout the whole wait for the report, N-ACTION included; when it passes the result is
     *     {@link CommitmentResult.Outcome#NO_REPORT} (nothing committed)
     * @throws DimseStatusException the SCP refused the N-ACTION
     * @throws IOException no association, or it failed before the N-ACTION-RSP
     */
    public CommitmentResult requestAndAwait(RemoteAe pacs, String callingAet, List<SopReference> refs,
                                            Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Commitment c = request(pacs, callingAet, refs, timeout);
        return c.await(Duration.ofNanos(deadline - System.nanoTime()));
    }

    /** Sends the request as {@link RequestorConfig#callingAeTitle()}; see {@link #request(RemoteAe, String, List, Duration)}. */
    public Commitment request(RemoteAe pacs, List<SopReference> refs) throws IOException {
        return request(pacs, config.callingAeTitle(), refs, sameAssociationWait);
    }

    /**
     * Sends the N-ACTION; returns once the SCP accepted it (and, within {@code maxHold}, after at
     * most {@code sameAssociationWait} waiting for a report on the same association).
     */
    public Commitment request(RemoteAe pacs, String callingAet, List<SopReference> refs, Duration maxHold)
            throws IOException {
        if (refs.isEmpty()) {
            throw new IllegalArgumentException("nothing to commit");
        }
        String transactionUid = uids.createUid();
        CompletableFuture<CommitmentResult> result = pending.register(transactionUid, refs);
        ServiceRegistry incoming = new StorageCommitmentResults(pending).registerWith(ServiceRegistry.builder())
                .build();
        List<PresentationContextRq> contexts = List.of(new PresentationContextRq(CONTEXT_ID,
                SopClass.STORAGE_COMMITMENT_PUSH_MODEL,
                List.of(Uids.EXPLICIT_VR_LITTLE_ENDIAN, Uids.IMPLICIT_VR_LITTLE_ENDIAN)));
        DimseClient client;
        try {
            client = DimseClient.open(new AssociationRequestor(config.withCallingAeTitle(callingAet)), pacs.host(),
                    pacs.port(), pacs.aeTitle(), contexts, incoming);
        } catch (IOException | RuntimeException e) {
            pending.forget(transactionUid);
            throw e;
        }
        try {
            PresentationContext pc = client.requireContext(SopClass.STORAGE_COMMITMENT_PUSH_MODEL, null);
            DataSet actionInfo = new DataSet(DataSetWriter.encode(actionInformation(transactionUid, refs),
                    TransferSyntax.forUid(pc.transferSyntax())), pc.transferSyntax());
            DimseMessage m = client.invoke(pc.id(), new NActionRq(client.nextMessageId(),
                    SopClass.STORAGE_COMMITMENT_PUSH_MODEL, WELL_KNOWN_INSTANCE, REQUEST_STORAGE_COMMITMENT),
                    actionInfo).awaitFinal(client.dimseTimeout());
            if (!(m.command() instanceof NActionRsp rsp)) {
                throw new AssociationAbortedException("unexpected answer to N-ACTION-RQ: " + m.command());
            }
            if (!Status.isSuccessOrWarning(rsp.status())) {
                throw new DimseStatusException("N-ACTION", rsp.status(), rsp.errorComment());
            }
            awaitOnThisAssociation(result, min(sameAssociationWait, maxHold));
            client.release();
        } catch (IOException | RuntimeException e) {
            pending.forget(transactionUid);
            client.abort();
            throw e;
        }
        return new Commitment(transactionUid, refs, result, pending);
    }

    /** The Storage Commitment Request Information (PS3.4 table J.3-1). */
    static Attributes actionInformation(String transactionUid, List<SopReference> refs) {
        Attributes a = new Attributes();
        a.setString(Tag.TransactionUID, transactionUid);
        Sequence seq = a.newSequence(Tag.ReferencedSOPSequence);
        for (SopReference r : refs) {
            seq.addItem().setString(Tag.ReferencedSOPClassUID, r.sopClassUid())
                    .setString(Tag.ReferencedSOPInstanceUID, r.sopInstanceUid());
        }
        return a;
    }

    private static void awaitOnThisAssociation(CompletableFuture<CommitmentResult> result, Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return;
        }
        try {
            result.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // no report on this association: it may still come on a new one
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
