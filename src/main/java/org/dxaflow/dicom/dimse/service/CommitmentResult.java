package org.dxaflow.dicom.dimse.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a Storage Commitment SCP answered for one transaction (PS3.4 J.3.3), or that it did not
 * answer in time.
 *
 * @param outcome what the report said, or {@link Outcome#NO_REPORT} if none arrived in time
 * @param committed instances the SCP took responsibility for (its Referenced SOP Sequence)
 * @param failed instances it did not commit, with the Failure Reason (its Failed SOP Sequence)
 * @param unreported instances we asked about that the report lists in neither sequence; with
 *     {@link Outcome#NO_REPORT} every instance we asked about. None of them is committed.
 */
public record CommitmentResult(String transactionUid, Outcome outcome, List<SopReference> committed,
                               List<Failure> failed, List<SopReference> unreported) {

    /** Failure Reason (0008,1197) values, PS3.3 C.14.1.1. */
    public static final int PROCESSING_FAILURE = 0x0110;
    public static final int NO_SUCH_OBJECT_INSTANCE = 0x0112;
    public static final int CLASS_INSTANCE_CONFLICT = 0x0119;
    public static final int REFERENCED_SOP_CLASS_NOT_SUPPORTED = 0x0122;
    public static final int RESOURCE_LIMITATION = 0x0213;
    public static final int DUPLICATE_TRANSACTION_UID = 0x0131;

    public enum Outcome {
        /** Event Type ID 1: "Storage Commitment Request Successful". */
        SUCCESSFUL,
        /** Event Type ID 2: "Storage Commitment Request Complete – Failures Exist". */
        FAILURES_EXIST,
        /** No N-EVENT-REPORT within the time we waited: nothing is known to be committed. */
        NO_REPORT
    }

    /** An instance the SCP did not commit, and why. */
    public record Failure(SopReference reference, int failureReason) {
    }

    public CommitmentResult {
        committed = List.copyOf(committed);
        failed = List.copyOf(failed);
        unreported = List.copyOf(unreported);
    }

    /** The result when no report came: nothing committed, every requested instance unreported. */
    public static CommitmentResult noReport(String transactionUid, List<SopReference> requested) {
        return new CommitmentResult(transactionUid, Outcome.NO_REPORT, List.of(), List.of(), requested);
    }

    /**
     * The result of a report, checked against what we asked for: an instance the report forgot is
     * not committed, whatever its event type says.
     */
    static CommitmentResult fromReport(String transactionUid, int eventTypeId, List<SopReference> committed,
                                       List<Failure> failed, List<SopReference> requested) {
        Set<SopReference> mentioned = new HashSet<>(committed);
        failed.forEach(f -> mentioned.add(f.reference()));
        List<SopReference> unreported = new ArrayList<>();
        for (SopReference r : requested) {
            if (!mentioned.contains(r)) {
                unreported.add(r);
            }
        }
        Outcome outcome = eventTypeId == 1 ? Outcome.SUCCESSFUL : Outcome.FAILURES_EXIST;
        return new CommitmentResult(transactionUid, outcome, committed, failed, unreported);
    }

    /** True only if the SCP reported success and committed every instance we asked about. */
    public boolean allCommitted() {
        return outcome == Outcome.SUCCESSFUL && failed.isEmpty() && unreported.isEmpty();
    }
}
