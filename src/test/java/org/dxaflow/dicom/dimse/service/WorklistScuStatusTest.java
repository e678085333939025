package org.dxaflow.dicom.dimse.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DataSetWriter;
import org.dxaflow.dicom.data.SopClass;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.TransferSyntax;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.modality.WorklistQuery;
import org.dxaflow.dicom.net.DicomServer;
import org.dxaflow.dicom.net.RequestorConfig;
import org.dxaflow.dicom.testing.TestServers;
import org.junit.jupiter.api.Test;

/** WorklistScu's handling of final statuses and of more matches than asked for, against our FindScp. */
class WorklistScuStatusTest {
    private final WorklistScu scu = new WorklistScu(RequestorConfig.defaults("SCANNER")
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)));

    private static DicomServer server(FindHandler handler) throws Exception {
        return TestServers.start(TestServers.config("MWL"), ServiceRegistry.builder()
                .register(SopClass.MODALITY_WORKLIST_FIND, new FindScp(handler)).build());
    }

    @Test
    void failureStatusIsThrownWithTheStatusAndComment() throws Exception {
        try (DicomServer s = server((rq, rsp) -> Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS)) {
            DimseStatusException e = assertThrows(DimseStatusException.class,
                    () -> scu.find(new RemoteAe("127.0.0.1", s.port(), "MWL"), WorklistQuery.byAccession("A1")));
            assertEquals(0xA900, e.status());
            assertEquals("C-FIND", e.operation());
        }
    }

    @Test
    void beyondTheLimitTheQueryIsCancelled() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch cancelled = new CountDownLatch(1);
        FindHandler endless = (rq, rsp) -> {
            Attributes match = new Attributes().setString(Tag.AccessionNumber, "A1");
            byte[] bytes = DataSetWriter.encode(match, TransferSyntax.forUid(rq.identifier().transferSyntaxUid()));
            for (int i = 0; i < 1000 && !rsp.isCancelled(); i++) {
                rsp.match(rsp.dataSet(bytes));
                sent.incrementAndGet();
                Thread.sleep(5);
            }
            if (rsp.isCancelled()) {
                cancelled.countDown();
            }
            return Status.SUCCESS;
        };
        try (DicomServer s = server(endless)) {
            WorklistScu.Matches m = scu.find(new RemoteAe("127.0.0.1", s.port(), "MWL"),
                    WorklistQuery.byAccession("A1"), 2);
            assertEquals(2, m.items().size());
            assertTrue(m.truncated());
            assertTrue(cancelled.await(5, TimeUnit.SECONDS), "the SCP saw our C-CANCEL-RQ");
            assertTrue(sent.get() < 1000, "matches stopped early: " + sent.get());
        }
    }
}
