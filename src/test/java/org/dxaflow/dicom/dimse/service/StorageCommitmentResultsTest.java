package org.dxaflow.dicom.dimse.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DataSetReader;
import org.dxaflow.dicom.data.DataSetWriter;
import org.dxaflow.dicom.data.SopClass;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.TransferSyntax;
import org.dxaflow.dicom.data.UidGenerator;
import org.dxaflow.dicom.dimse.DataSet;
import org.dxaflow.dicom.dimse.DimseMessage;
import org.dxaflow.dicom.dimse.NActionRq;
import org.dxaflow.dicom.dimse.NActionRsp;
import org.dxaflow.dicom.dimse.NEventReportRq;
import org.dxaflow.dicom.dimse.NEventReportRsp;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.net.AssociationRequestor;
import org.dxaflow.dicom.net.DicomServer;
import org.dxaflow.dicom.net.PresentationContext;
import org.dxaflow.dicom.net.RequestorConfig;
import org.dxaflow.dicom.net.Uids;
import org.dxaflow.dicom.net.pdu.PresentationContextRq;
import org.dxaflow.dicom.testing.TestServers;
import org.junit.jupiter.api.Test;

/**
 * The pending-transaction registry and the N-EVENT-REPORT service, against our own acceptor; and
 * the SCU receiving its report on the association that asked, from a scripted SCP.
 */
class StorageCommitmentResultsTest {
    private static final String SC = SopClass.STORAGE_COMMITMENT_PUSH_MODEL;
    private static final SopReference A = new SopReference(SopClass.SECONDARY_CAPTURE_IMAGE_STORAGE, "2.25.1001");
    private static final SopReference B = new SopReference(SopClass.SECONDARY_CAPTURE_IMAGE_STORAGE, "2.25.1002");
    private static final RequestorConfig SCU = RequestorConfig.defaults("MODALITY")
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10));

    /** Event information as an SCP writes it (PS3.4 table J.3-2). */
    static Attributes eventInformation(String transactionUid, List<SopReference> committed,
                                       List<SopReference> failed, int reason) {
        Attributes a = new Attributes();
        a.setString(Tag.TransactionUID, transactionUid);
        var ok = a.newSequence(Tag.ReferencedSOPSequence);
        committed.forEach(r -> ok.addItem().setString(Tag.ReferencedSOPClassUID, r.sopClassUid())
                .setString(Tag.ReferencedSOPInstanceUID, r.sopInstanceUid()));
        if (!failed.isEmpty()) {
            var bad = a.newSequence(Tag.FailedSOPSequence);
            failed.forEach(r -> bad.addItem().setString(Tag.ReferencedSOPClassUID, r.sopClassUid())
                    .setString(Tag.ReferencedSOPInstanceUID, r.sopInstanceUid()).setInt(Tag.FailureReason, reason));
        }
        return a;
    }

    private static NEventReportRsp report(DimseClient client, int eventType, Attributes info) throws Exception {
        PresentationContext pc = client.requireContext(SC, null);
        DataSet ds = new DataSet(DataSetWriter.encode(info, TransferSyntax.forUid(pc.transferSyntax())),
                pc.transferSyntax());
        DimseMessage m = client.invoke(pc.id(), new NEventReportRq(client.nextMessageId(), SC,
                StorageCommitmentScu.WELL_KNOWN_INSTANCE, eventType), ds).awaitFinal(Duration.ofSeconds(10));
        return assertInstanceOf(NEventReportRsp.class, m.command());
    }

    private static DimseClient connect(DicomServer server) throws Exception {
        return DimseClient.open(new AssociationRequestor(SCU.withCallingAeTitle("PACS")), "127.0.0.1", server.port(),
                "RESULTS", List.of(new PresentationContextRq(1, SC, List.of(Uids.IMPLICIT_VR_LITTLE_ENDIAN))));
    }

    @Test
    void unknownTransactionIsRefusedWithoutHarmAndAKnownOneCompletes() throws Exception {
        PendingCommitments pending = new PendingCommitments();
        CompletableFuture<CommitmentResult> waiting = pending.register("2.25.77", List.of(A, B));
        ServiceRegistry registry = new StorageCommitmentResults(pending).registerWith(ServiceRegistry.builder())
                .build();
        try (DicomServer server = TestServers.start(TestServers.config("RESULTS"), registry);
             DimseClient client = connect(server)) {
            NEventReportRsp unknown = report(client, 1, eventInformation("2.25.66", List.of(A), List.of(), 0));
            assertEquals(Status.INVALID_ARGUMENT_VALUE, unknown.status());
            assertEquals(StorageCommitmentScu.WELL_KNOWN_INSTANCE, unknown.affectedSopInstanceUid());
            assertFalse(waiting.isDone());
            assertEquals(1, pending.size());

            assertEquals(Status.NO_SUCH_EVENT_TYPE, report(client, 3,
                    eventInformation("2.25.77", List.of(A), List.of(), 0)).status());
            assertFalse(waiting.isDone());

            // same association, still served: the known transaction completes, failures kept
            NEventReportRsp ok = report(client, 2, eventInformation("2.25.77", List.of(A), List.of(B), 0x0112));
            assertEquals(Status.SUCCESS, ok.status());
            assertEquals(SC, ok.affectedSopClassUid());
            CommitmentResult r = waiting.get(5, TimeUnit.SECONDS);
            assertEquals(CommitmentResult.Outcome.FAILURES_EXIST, r.outcome());
            assertEquals(List.of(A), r.committed());
            assertEquals(List.of(new CommitmentResult.Failure(B, 0x0112)), r.failed());
            assertFalse(r.allCommitted());
            assertEquals(0, pending.size());

            // a second report for the same transaction is no longer awaited
            assertEquals(Status.INVALID_ARGUMENT_VALUE,
                    report(client, 1, eventInformation("2.25.77", List.of(A, B), List.of(), 0)).status());
            client.release();
        }
    }

    @Test
    void successEventThatForgetsAnInstanceIsNotAllCommitted() {
        PendingCommitments pending = new PendingCommitments();
        CompletableFuture<CommitmentResult> f = pending.register("2.25.5", List.of(A, B));
        assertTrue(pending.complete("2.25.5", 1, List.of(A), List.of()));
        CommitmentResult r = f.join();
        assertEquals(CommitmentResult.Outcome.SUCCESSFUL, r.outcome());
        assertEquals(List.of(B), r.unreported());
        assertFalse(r.allCommitted());
    }

    /**
     * A Storage Commitment SCP that accepts the N-ACTION and then reports on the same association,
     * as PS3.4 J.3.3 allows while it is open; or never reports when {@code report} is false.
     */
    private static ServiceRegistry scriptedScp(boolean report) {
        ServiceClassProvider scp = (context, request) -> {
            NActionRq rq = (NActionRq) request.command();
            TransferSyntax ts = TransferSyntax.forUid(context.presentationContext().transferSyntax());
            Attributes action = DataSetReader.read(request.dataSet().bytes(), ts);
            String tx = action.getString(Tag.TransactionUID);
            List<SopReference> refs = action.getSequence(Tag.ReferencedSOPSequence).items().stream()
                    .map(i -> new SopReference(i.getString(Tag.ReferencedSOPClassUID),
                            i.getString(Tag.ReferencedSOPInstanceUID))).toList();
            if (report) {
                Thread t = new Thread(() -> {
                    try {
                        Thread.sleep(200); // after our N-ACTION-RSP went out
                        context.send(new NEventReportRq(1, SC, StorageCommitmentScu.WELL_KNOWN_INSTANCE, 1),
                                context.dataSet(DataSetWriter.encode(eventInformation(tx, refs, List.of(), 0), ts)));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                t.setDaemon(true);
                t.start();
            }
            return DimseReply.of(new NActionRsp(rq.messageId(), SC, rq.requestedSopInstanceUid(), null,
                    Status.SUCCESS, null));
        };
        return ServiceRegistry.builder().register(SC, scp).build();
    }

    @Test
    void reportOnTheRequestingAssociationIsAnsweredAndMatched() throws Exception {
        PendingCommitments pending = new PendingCommitments();
        StorageCommitmentScu scu = new StorageCommitmentScu(SCU, pending, new UidGenerator(), Duration.ofSeconds(5));
        try (DicomServer pacs = TestServers.start(TestServers.config("PACS"), scriptedScp(true))) {
            CommitmentResult r = scu.requestAndAwait(new RemoteAe("127.0.0.1", pacs.port(), "PACS"), "MODALITY",
                    List.of(A, B), Duration.ofSeconds(10));
            assertTrue(r.allCommitted(), r.toString());
            assertEquals(List.of(A, B), r.committed());
            assertTrue(r.transactionUid().startsWith(UidGenerator.DEFAULT_ROOT + "."));
            assertEquals(0, pending.size());
        }
    }

    @Test
    void noReportWithinTheTimeoutMeansNotCommitted() throws Exception {
        PendingCommitments pending = new PendingCommitments();
        StorageCommitmentScu scu = new StorageCommitmentScu(SCU, pending, new UidGenerator(), Duration.ZERO);
        try (DicomServer pacs = TestServers.start(TestServers.config("PACS"), scriptedScp(false))) {
            long start = System.nanoTime();
            CommitmentResult r = scu.requestAndAwait(new RemoteAe("127.0.0.1", pacs.port(), "PACS"), "MODALITY",
                    List.of(A), Duration.ofMillis(700));
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(600));
            assertEquals(CommitmentResult.Outcome.NO_REPORT, r.outcome());
            assertFalse(r.allCommitted());
            assertEquals(List.of(), r.committed());
            assertEquals(List.of(A), r.unreported());
            assertEquals(0, pending.size(), "a given-up transaction is not kept");
        }
    }
}
