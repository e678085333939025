package org.dxaflow.dicom.dimse.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.net.DicomServer;
import org.dxaflow.dicom.testing.Dcmtk;
import org.dxaflow.dicom.testing.TestServers;
import org.junit.jupiter.api.Test;

/**
 * DCMTK findscu against a FindScp. Without the data layer the handler answers each query with the
 * identifier it received (a valid data set in the negotiated transfer syntax), which is enough to
 * exercise pending responses and C-CANCEL end to end.
 */
class FindScpDcmtkTest {
    private static final String MWL_FIND = "1.2.840.10008.5.1.4.31";

    @Test
    void findscuReceivesMatchesAndCanCancel() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch cancelled = new CountDownLatch(1);
        int[] matchesPerQuery = {3};
        FindHandler echoingWorklist = (request, responder) -> {
            for (int i = 0; i < matchesPerQuery[0]; i++) {
                if (responder.isCancelled()) {
                    cancelled.countDown();
                    return Status.SUCCESS;
                }
                responder.match(request.identifier());
                sent.incrementAndGet();
                Thread.sleep(20);
            }
            if (responder.isCancelled()) {
                cancelled.countDown();
            }
            return Status.SUCCESS;
        };
        try (DicomServer server = TestServers.start(TestServers.config("MWLSCP"),
                ServiceRegistry.builder().register(MWL_FIND, new FindScp(echoingWorklist)).build())) {
            String port = String.valueOf(server.port());
            Dcmtk.Result r = Dcmtk.run("findscu", "-v", "-W", "-aec", "MWLSCP", "-k", "PatientName=Doe*",
                    "-k", "PatientID", "127.0.0.1", port);
            assertEquals(0, r.exitCode(), r.output());
            assertEquals(3, count(r.output(), "Find Response: \\d+ \\(Pending\\)"), r.output());
            assertTrue(r.output().contains("(0010,0010) PN [Doe*]"), r.output());
            assertTrue(r.output().matches("(?s).*Received Final Find Response \\(Success\\).*"), r.output());

            matchesPerQuery[0] = 500;
            sent.set(0);
            Dcmtk.Result c = Dcmtk.run("findscu", "-v", "-W", "-aec", "MWLSCP", "--cancel", "2",
                    "-k", "PatientName=Doe*", "127.0.0.1", port);
            assertEquals(0, c.exitCode(), c.output());
            assertTrue(cancelled.await(5, TimeUnit.SECONDS), "provider saw the C-CANCEL-RQ");
            assertTrue(sent.get() < 500, "streaming stopped early: " + sent.get());
            // PS3.4 C.4.1.1.4: a cancelled query ends with status Cancel (0xFE00)
            assertTrue(c.output().matches("(?s).*Received Final Find Response \\(Cancel: MatchingTerminatedDueToCancelRequest\\).*"),
                    c.output());
        }
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
