package org.dxaflow.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.dimse.service.MppsScu;
import org.dxaflow.dicom.dimse.service.RemoteAe;
import org.dxaflow.dicom.dimse.service.WorklistScu;
import org.dxaflow.dicom.modality.MppsAttributes;
import org.dxaflow.dicom.modality.WorklistQuery;
import org.dxaflow.dicom.net.RequestorConfig;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.ReferralCase;
import org.dxaflow.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * IRMER: a patient exposed for an order no justification covered (a result, or MPPS IN PROGRESS,
 * while the order is held for a practitioner) is an incident: kept, flagged, listed for the
 * practitioner, and the order never goes (back) on the worklist. A later decision says it was
 * retrospective. The first case is the README's ORU walk-through: the man's steroid referral is
 * held ("Steroid route not stated") and his scanner's ORU arrives anyway.
 */
class ExposureWithoutJustificationTest {

    private static final String BELL = """
            "practitioner": {"id": "PRAC-0002", "name": "Dr Ruth Bell", "role": "Consultant radiologist"}""";

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.shipped();
    static final Http http = engine.http();
    static final RemoteAe engineAe = engine.dicomAe();

    static JsonNode awaitOrder(String accession, String status) {
        return Await.until(accession + " " + status, Duration.ofSeconds(20),
                () -> http.orders("accessionNumber=" + accession).get(0), o -> o.get("status").asText().equals(status));
    }

    static JsonNode awaitResult(long orderId) {
        return Await.until("result of order " + orderId, Duration.ofSeconds(20),
                () -> http.get("/api/orders/" + orderId + "/result"), r -> r.status() == 200).json();
    }

    static JsonNode incidentsOf(long orderId, String query) {
        Http.Reply r = http.get("/api/justification/incidents" + query);
        assertEquals(200, r.status(), String.valueOf(r.json()));
        List<JsonNode> found = new java.util.ArrayList<>();
        r.json().forEach(i -> {
            if (i.get("orderId").asLong() == orderId) {
                found.add(i);
            }
        });
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(found);
    }

    static int worklistItems(String accession) throws Exception {
        return new WorklistScu(RequestorConfig.defaults("DXASCAN1")).find(engineAe, WorklistQuery.byAccession(accession))
                .size();
    }

    static Http.Reply justify(long orderId) {
        return http.post("/api/orders/" + orderId + "/justification",
                "{\"decision\": \"JUSTIFY\", " + BELL + ", \"comment\": \"Scan was indicated: oral prednisolone\"}");
    }

    @Test
    void aResultForAHeldOrderIsAnIncidentAndJustifyingItLaterNeverPutsItOnTheWorklist() throws Exception {
        engine.accept(Samples.hl7("results/orm-o01-v24-order-man.hl7"));
        JsonNode held = awaitOrder("ACC500002", "AWAITING_JUSTIFICATION");
        long orderId = held.get("id").asLong();
        assertTrue(held.get("justification").get("reasons").toString().contains("Steroid route not stated"),
                held.toString());

        engine.accept(Samples.hl7("results/oru-r01-v251-example.hl7"));
        JsonNode result = awaitResult(orderId);

        // stored and computed, but flagged and held for the reporter, with the decision state
        assertEquals("COMPUTED", result.get("status").asText());
        assertTrue(result.get("needsReporterReview").asBoolean(), result.toString());
        JsonNode exposure = result.get("exposure");
        assertNotNull(exposure, result.toString());
        assertEquals("EXPOSURE_WITHOUT_JUSTIFICATION", exposure.get("code").asText());
        assertEquals("AWAITING_JUSTIFICATION", exposure.get("orderStatus").asText());
        assertEquals("NEEDS_REVIEW", exposure.get("decision").get("outcome").asText());
        assertEquals("AUTO", exposure.get("decision").get("mode").asText());
        assertTrue(result.get("warnings").toString().contains("EXPOSURE_WITHOUT_JUSTIFICATION"), result.toString());
        // never completed as if nothing happened: still with the practitioner, and off the worklist
        assertEquals("AWAITING_JUSTIFICATION", http.orders("accessionNumber=ACC500002").get(0).get("status").asText());
        assertEquals(0, worklistItems("ACC500002"));

        JsonNode open = incidentsOf(orderId, "?open=true");
        assertEquals(1, open.size(), open.toString());
        JsonNode incident = open.get(0);
        assertEquals("EXPOSURE_WITHOUT_JUSTIFICATION", incident.get("code").asText());
        assertEquals("RESULT", incident.get("evidence").asText());
        assertEquals(result.get("id").asLong(), incident.get("resultId").asLong());
        assertEquals("ACC500002", incident.get("accessionNumber").asText());
        assertEquals("NEEDS_REVIEW", incident.get("decision").get("outcome").asText());
        assertTrue(incident.get("addressed").isNull(), incident.toString());
        JsonNode queued = null;
        for (JsonNode o : http.get("/api/justification/queue").json()) {
            queued = o.get("id").asLong() == orderId ? o : queued;
        }
        assertNotNull(queued, "still on the practitioner's queue");
        assertEquals(incident.get("id").asLong(), queued.get("exposureIncidents").get(0).get("id").asLong());

        Http.Reply decided = justify(orderId);

        assertEquals(200, decided.status(), String.valueOf(decided.json()));
        assertEquals("COMPLETED", decided.json().get("status").asText(), "scanned already: not SCHEDULED again");
        assertEquals(0, worklistItems("ACC500002"));
        JsonNode j = decided.json().get("justification");
        assertEquals("JUSTIFIED", j.get("outcome").asText());
        assertTrue(j.get("flags").toString().contains("RETROSPECTIVE"), j.toString());
        assertTrue(j.get("reasons").toString().contains("RETROSPECTIVE"), j.toString());
        assertEquals(0, incidentsOf(orderId, "?open=true").size());
        JsonNode addressed = incidentsOf(orderId, "").get(0).get("addressed");
        assertEquals("JUSTIFIED", addressed.get("outcome").asText());
        assertEquals("Dr Ruth Bell", addressed.get("by").asText());
        assertFalse(decided.json().get("statusHistory").toString().contains("\"to\":\"SCHEDULED\""),
                decided.json().get("statusHistory").toString());
    }

    @Test
    void mppsInProgressForAHeldOrderIsAnIncidentAndTheLaterJustificationLeavesItInProgress() throws Exception {
        engine.accept(ReferralCase.number(32).toHl7("2.5.1", "EX-MPPS", "EX-MPPS-1"));
        JsonNode held = Await.until("EX-MPPS-1 held", Duration.ofSeconds(20),
                () -> http.orders("placerOrderNumber=EX-MPPS-1").get(0),
                o -> o.get("status").asText().equals("AWAITING_JUSTIFICATION"));
        long orderId = held.get("id").asLong();
        String accession = held.get("accessionNumber").asText();

        // a scanner operator keys the accession in by hand: the order was never on the worklist
        Attributes item = new Attributes();
        item.setString(Tag.StudyInstanceUID, "2.25.9300000000000000000000000000000001");
        item.setString(Tag.AccessionNumber, accession);
        item.setString(Tag.PatientID, "MREX-MPPS-1");
        MppsScu.Result created = new MppsScu(RequestorConfig.defaults("DXASCAN1")).create(engineAe,
                "2.25.9300000000000000000000000000000002", new MppsAttributes().inProgress(item,
                        new MppsAttributes.StepStart("PPS93", "DXASCAN1", "DXA ROOM 1", LocalDateTime.now())));
        assertEquals(Status.SUCCESS, created.status(), created.errorComment());

        JsonNode incident = Await.until("MPPS incident", Duration.ofSeconds(20), () -> incidentsOf(orderId, "?open=true"),
                a -> a.size() == 1).get(0);
        assertEquals("MPPS", incident.get("evidence").asText());
        assertEquals("2.25.9300000000000000000000000000000002", incident.get("mppsSopInstanceUid").asText());
        assertTrue(incident.get("resultId").isNull(), incident.toString());
        assertEquals("AWAITING_JUSTIFICATION", incident.get("orderStatus").asText());
        assertEquals("AWAITING_JUSTIFICATION", http.orders("placerOrderNumber=EX-MPPS-1").get(0).get("status").asText());

        Http.Reply decided = justify(orderId);

        assertEquals(200, decided.status(), String.valueOf(decided.json()));
        assertEquals("IN_PROGRESS", decided.json().get("status").asText());
        assertEquals(0, worklistItems(accession));
    }

    @Test
    void aResultForAJustifiedOrderIsNoIncident() throws Exception {
        engine.accept(Samples.hl7("results/orm-o01-v24-order-woman-70-menopause-not-stated.hl7"));
        long orderId = awaitOrder("ACC500006", "SCHEDULED").get("id").asLong();

        engine.accept(Samples.hl7("results/oru-r01-v251-woman-70-vfa.hl7"));
        JsonNode result = awaitResult(orderId);

        assertTrue(result.get("exposure").isNull(), result.toString());
        assertFalse(result.get("warnings").toString().contains("EXPOSURE_WITHOUT_JUSTIFICATION"));
        assertEquals(0, incidentsOf(orderId, "").size());
        assertEquals("COMPLETED", http.orders("accessionNumber=ACC500006").get(0).get("status").asText());
    }
}
