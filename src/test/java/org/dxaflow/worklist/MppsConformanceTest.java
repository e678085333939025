package org.dxaflow.worklist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.dimse.service.MppsScu;
import org.dxaflow.dicom.dimse.service.RemoteAe;
import org.dxaflow.dicom.dimse.service.WorklistScu;
import org.dxaflow.dicom.modality.MppsAttributes;
import org.dxaflow.dicom.net.RequestorConfig;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.Samples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine's MPPS SCP driven by our MPPS SCU (DCMTK has none): the PS3.4 F.7 state machine and
 * its error statuses, and what each accepted step does to the order.
 */
class MppsConformanceTest {

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.shipped();
    static final Http http = engine.http();
    static final RemoteAe engineAe = engine.dicomAe();
    static final MppsScu SCU = new MppsScu(RequestorConfig.defaults("DXASCAN1")
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10)));
    static final MppsAttributes MPPS = new MppsAttributes();

    @BeforeAll
    static void start() throws Exception {
        String today = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
        engine.acceptAll(List.of(
                Samples.hl7("03-omg-o19-v251-new-order.hl7").replace("TQ1|1||||||20261212", "TQ1|1||||||" + today),
                Samples.hl7("04-omg-o19-v25-new-order.hl7").replace("TQ1|1||||||20261215", "TQ1|1||||||" + today)));
        for (String acc : List.of("ACC100003", "ACC100004")) {
            Await.until(acc + " scheduled", Duration.ofSeconds(20), () -> http.orders("accessionNumber=" + acc),
                    a -> a.size() == 1 && a.get(0).get("status").asText().equals("SCHEDULED"));
            // Taken from the worklist while the order is on it, as a scanner does before it starts.
            ITEMS.put(acc, worklistItem(acc));
        }
    }

    static final java.util.Map<String, Attributes> ITEMS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The status the SCP answered, whether the SCU reported it as a result or as a failure. */
    static int statusOf(java.util.concurrent.Callable<MppsScu.Result> call) throws Exception {
        try {
            return call.call().status();
        } catch (org.dxaflow.dicom.dimse.service.DimseStatusException e) {
            return e.status();
        }
    }

    static Attributes worklistItem(String accession) throws Exception {
        List<Attributes> items = new WorklistScu(RequestorConfig.defaults("DXASCAN1"))
                .find(engineAe, org.dxaflow.dicom.modality.WorklistQuery.byAccession(accession));
        assertEquals(1, items.size());
        return items.get(0);
    }

    static Attributes inProgress(String accession, String ppsId) throws Exception {
        return MPPS.inProgress(ITEMS.get(accession),
                new MppsAttributes.StepStart(ppsId, "DXASCAN1", "DXA ROOM 1", LocalDateTime.now()));
    }

    static List<MppsAttributes.PerformedSeries> series() {
        return List.of(new MppsAttributes.PerformedSeries("2.25.77001", "DXA results", "DXA hip and spine",
                "DXASCAN1", List.of(new MppsAttributes.InstanceRef("1.2.840.10008.5.1.4.1.1.88.33", "2.25.77002"))));
    }

    static String status(String accession) {
        return http.orders("accessionNumber=" + accession).get(0).get("status").asText();
    }

    @Test
    void inProgressThenCompletedMovesTheOrderAndThenNothingMayChange() throws Exception {
        String uid = "2.25.9100000000000000000000000000000001";
        MppsScu.Result created = SCU.create(engineAe, uid, inProgress("ACC100003", "PPS1"));
        assertEquals(Status.SUCCESS, created.status(), created.errorComment());
        Await.until("order in progress", Duration.ofSeconds(15), () -> status("ACC100003"), "IN_PROGRESS"::equals);

        // The same instance UID again: 0111 Duplicate SOP Instance (PS3.7 C.4.2).
        assertEquals(Status.DUPLICATE_SOP_INSTANCE,
                statusOf(() -> SCU.create(engineAe, uid, inProgress("ACC100003", "PPS1"))));

        MppsScu.Result done = SCU.set(engineAe, uid, MPPS.completed(LocalDateTime.now(), series()));
        assertEquals(Status.SUCCESS, done.status(), done.errorComment());
        Await.until("order completed", Duration.ofSeconds(15), () -> status("ACC100003"), "COMPLETED"::equals);

        // PS3.4 F.7.2.2.4.2: a completed step may no longer be updated (0110 Processing failure).
        assertEquals(Status.PROCESSING_FAILURE, statusOf(() -> SCU.set(engineAe, uid,
                MPPS.discontinued(LocalDateTime.now(), series(), MppsAttributes.UNSPECIFIED_REASON))));
        assertEquals("COMPLETED", status("ACC100003"));
    }

    @Test
    void discontinuedMovesTheOrderToDiscontinued() throws Exception {
        String uid = "2.25.9100000000000000000000000000000002";
        assertEquals(Status.SUCCESS, SCU.create(engineAe, uid, inProgress("ACC100004", "PPS2")).status());
        Await.until("order in progress", Duration.ofSeconds(15), () -> status("ACC100004"), "IN_PROGRESS"::equals);
        assertEquals(Status.SUCCESS, SCU.set(engineAe, uid, MPPS.discontinued(LocalDateTime.now(), series(),
                MppsAttributes.UNSPECIFIED_REASON)).status());
        Await.until("order discontinued", Duration.ofSeconds(15), () -> status("ACC100004"), "DISCONTINUED"::equals);
    }

    @Test
    void illegalRequestsGetTheF7Statuses() throws Exception {
        // N-SET of an instance that was never created: 0112 No such SOP instance.
        assertEquals(Status.NO_SUCH_SOP_INSTANCE, statusOf(() -> SCU.set(engineAe,
                "2.25.9100000000000000000000000000000099", MPPS.completed(LocalDateTime.now(), series()))));

        // N-CREATE must start IN PROGRESS: 0106 Invalid attribute value.
        Attributes completedAtCreate = inProgress("ACC100003", "PPS3");
        completedAtCreate.setString(Tag.PerformedProcedureStepStatus, "COMPLETED");
        assertEquals(Status.INVALID_ATTRIBUTE_VALUE,
                statusOf(() -> SCU.create(engineAe, "2.25.9100000000000000000000000000000003", completedAtCreate)));

        // N-SET to a state that does not exist: 0106 Invalid attribute value.
        String uid = "2.25.9100000000000000000000000000000004";
        assertEquals(Status.SUCCESS, SCU.create(engineAe, uid, inProgress("ACC100003", "PPS4")).status());
        Attributes bogus = new Attributes().setString(Tag.PerformedProcedureStepStatus, "FINISHED");
        assertEquals(Status.INVALID_ATTRIBUTE_VALUE, statusOf(() -> SCU.set(engineAe, uid, bogus)));
    }
}
