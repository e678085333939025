package org.dxaflow.dicom.dimse.service;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Storage Commitment transactions awaiting their N-EVENT-REPORT, by Transaction UID. The report
 * may come on the association that asked (before release) or on one the SCP opens later to our
 * listening AE, so both the {@link StorageCommitmentScu} and the {@link StorageCommitmentResults}
 * service of the listener share one instance; whoever wires them owns it. Thread safe.
 */
public final class PendingCommitments {

    private record Entry(List<SopReference> requested, CompletableFuture<CommitmentResult> result) {
    }

    private final Map<String, Entry> pending = new ConcurrentHashMap<>();

    /**
     * Starts waiting for a transaction's report. Register before sending the N-ACTION: a fast SCP
     * may report before its N-ACTION-RSP has been read.
     *
     * @throws IllegalStateException the Transaction UID is already pending
     */
    public CompletableFuture<CommitmentResult> register(String transactionUid, List<SopReference> requested) {
        Entry e = new Entry(List.copyOf(requested), new CompletableFuture<>());
        if (pending.putIfAbsent(transactionUid, e) != null) {
            throw new IllegalStateException("transaction " + transactionUid + " already pending");
        }
        return e.result();
    }

    /**
     * Completes a transaction from its report.
     *
     * @return false if no such transaction is pending (unknown, already reported, or given up on)
     */
    boolean complete(String transactionUid, int eventTypeId, List<SopReference> committed,
                     List<CommitmentResult.Failure> failed) {
        Entry e = pending.remove(transactionUid);
        if (e == null) {
            return false;
        }
        e.result().complete(CommitmentResult.fromReport(transactionUid, eventTypeId, committed, failed,
                e.requested()));
        return true;
    }

    /** Stops waiting (after a timeout or a refused N-ACTION); a late report is then unknown. */
    public void forget(String transactionUid) {
        Entry e = pending.remove(transactionUid);
        if (e != null) {
            e.result().complete(CommitmentResult.noReport(transactionUid, e.requested()));
        }
    }

    public boolean isPending(String transactionUid) {
        return pending.containsKey(transactionUid);
    }

    public int size() {
        return pending.size();
    }
}
