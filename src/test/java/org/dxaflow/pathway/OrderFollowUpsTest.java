package org.dxaflow.pathway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.dxaflow.dicom.dimse.service.RemoteAe;
import org.dxaflow.dicom.dimse.service.WorklistScu;
import org.dxaflow.dicom.modality.WorklistQuery;
import org.dxaflow.dicom.net.RequestorConfig;
import org.dxaflow.testing.Await;
import org.dxaflow.testing.EngineExtension;
import org.dxaflow.testing.FakeRis;
import org.dxaflow.testing.Http;
import org.dxaflow.testing.ReferralCase;
import org.dxaflow.testing.SiuMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the RIS and a practitioner do to an order after the gate has decided it: an order change
 * (XO) that changes the referral is justified again; an appointment cancelled (SIU^S15) or missed
 * (S26) takes the order off the worklist into CANCELLED or DNA; a practitioner takes back an AUTO
 * justification before the scan. Each is seen on the worklist (DICOM C-FIND) and by the RIS (a real
 * MLLP listener; ORC-5 from HL7 table 0038, ORC-16 the reason). Case 39 (radiological osteopenia)
 * is a referral the written criteria justify.
 */
class OrderFollowUpsTest {

    private static final String BELL = """
            "practitioner": {"id": "PRAC-0002", "name": "Dr Ruth Bell", "role": "Consultant radiologist"}""";

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.shipped().andRis();
    static final Http http = engine.http();
    static final RemoteAe engineAe = engine.dicomAe();
    static int control;

    static JsonNode scheduled(String placer) throws IOException {
        engine.accept(ReferralCase.number(39).toHl7("2.5.1", "F-" + (++control), placer));
        return awaitStatus(placer, "SCHEDULED");
    }

    static JsonNode awaitStatus(String placer, String status) {
        return Await.until(placer + " " + status, Duration.ofSeconds(20),
                () -> http.orders("placerOrderNumber=" + placer).get(0), o -> o.get("status").asText().equals(status));
    }

    static void siu(String trigger, String placer, String appointmentId, String start, String fillerStatus)
            throws IOException {
        engine.accept(SiuMessages.siu(trigger, "2.5.1", "FS-" + (++control), placer, appointmentId, start,
                fillerStatus));
    }

    static int worklistItems(String accession) throws Exception {
        return new WorklistScu(RequestorConfig.defaults("DXASCAN1")).find(engineAe, WorklistQuery.byAccession(accession))
                .size();
    }

    /** The RIS accepted a status message for this order with this ORC-5; returns it. */
    static FakeRis.Received toldRis(String placer, String orderStatus, String reasonCode) {
        return engine.ris().awaitAccepted(r -> r.field("ORC", 2).equals(placer + "^CRIS")
                && r.field("ORC", 5).equals(orderStatus) && r.field("ORC", 16).startsWith(reasonCode),
                Duration.ofSeconds(20)).get(0);
    }

    static JsonNode detail(JsonNode order) {
        return http.get("/api/orders/" + order.get("id").asText()).json();
    }

    static String transitions(JsonNode order) {
        StringBuilder sb = new StringBuilder();
        detail(order).get("statusHistory").forEach(h -> sb.append(h.get("from").asText()).append("->")
                .append(h.get("to").asText()).append(' '));
        return sb.toString().trim();
    }

    @Test
    void anOrderChangeThatChangesTheReferralIsJustifiedAgain() throws Exception {
        JsonNode order = scheduled("FU-XO1");
        assertEquals(1, worklistItems("FU-XO1"));
        // the referrer now says steroids, without the route: the written criteria cannot justify that
        String changed = ReferralCase.number(39).toHl7("2.5.1", "F-XO1", "FU-XO1").replace("ORC|NW|", "ORC|XO|")
                .replace("RADIOLOGICAL_OSTEOPENIA", "STEROIDS");

        engine.accept(changed);

        JsonNode held = awaitStatus("FU-XO1", "AWAITING_JUSTIFICATION");
        assertEquals(0, worklistItems("FU-XO1"));
        JsonNode decisions = detail(held).get("decisions");
        assertEquals(2, decisions.size(), decisions.toString());
        assertEquals("JUSTIFIED", decisions.get(0).get("outcome").asText());
        assertEquals("NEEDS_REVIEW", decisions.get(1).get("outcome").asText());
        assertEquals("RECEIVED->SCHEDULED SCHEDULED->RECEIVED RECEIVED->AWAITING_JUSTIFICATION", transitions(order));
        assertEquals("HELD_FOR_REVIEW", toldRis("FU-XO1", "HD", "HELD_FOR_REVIEW").field("ORC", 16).split("\\^")[0]);
    }

    @Test
    void anOrderChangeThatLeavesTheReferralAsItWasIsNotJustifiedAgain() throws Exception {
        JsonNode order = scheduled("FU-XO2");

        // the same referral sent as a change (the RIS re-sends an order after an administrative edit)
        engine.accept(ReferralCase.number(39).toHl7("2.5.1", "F-XO2", "FU-XO2").replace("ORC|NW|", "ORC|XO|"));

        Await.until("XO applied", Duration.ofSeconds(20), () -> detail(order).get("messages").toString(),
                m -> m.contains("CHANGED"));
        assertEquals(1, detail(order).get("decisions").size());
        assertEquals("SCHEDULED", http.orders("placerOrderNumber=FU-XO2").get(0).get("status").asText());
        assertEquals(1, worklistItems("FU-XO2"));
    }

    @Test
    void aMissedAppointmentMovesTheOrderToDnaAndOffTheWorklistUntilItIsBookedAgain() throws Exception {
        JsonNode order = scheduled("FU-DNA");
        siu("S12", "FU-DNA", "APPT-D1", "202612071030", "Booked");
        Await.until("booked", Duration.ofSeconds(20), () -> detail(order).get("pathway").get("appointment"),
                a -> !a.isNull());

        siu("S26", "FU-DNA", "APPT-D1", "", "Noshow");

        awaitStatus("FU-DNA", "DNA");
        assertEquals(0, worklistItems("FU-DNA"));
        assertEquals(1, detail(order).get("pathway").get("didNotAttendCount").asInt());
        FakeRis.Received dna = toldRis("FU-DNA", "HD", "DID_NOT_ATTEND");
        assertTrue(dna.message().contains("NTE|1|L|"), dna.message());

        siu("S12", "FU-DNA", "APPT-D2", "202612141000", "Booked");

        JsonNode rebooked = awaitStatus("FU-DNA", "SCHEDULED");
        assertEquals("2026-12-14", rebooked.get("pathway").get("scheduledStep").get("date").asText());
        assertEquals(1, worklistItems("FU-DNA"));
        assertEquals("RECEIVED->SCHEDULED SCHEDULED->DNA DNA->SCHEDULED", transitions(order));
    }

    @Test
    void aCancelledAppointmentCancelsTheOrderAndTakesItOffTheWorklist() throws Exception {
        JsonNode order = scheduled("FU-S15");
        siu("S12", "FU-S15", "APPT-C1", "202612071030", "Booked");
        Await.until("booked", Duration.ofSeconds(20), () -> detail(order).get("pathway").get("appointment"),
                a -> !a.isNull());

        siu("S15", "FU-S15", "APPT-C1", "", "Cancelled");

        awaitStatus("FU-S15", "CANCELLED");
        assertEquals(0, worklistItems("FU-S15"));
        toldRis("FU-S15", "CA", "APPOINTMENT_CANCELLED");
        assertEquals("RECEIVED->SCHEDULED SCHEDULED->CANCELLED", transitions(order));
    }

    @Test
    void aPractitionerTakesBackAnAutoJustificationBeforeTheScan() throws Exception {
        JsonNode order = scheduled("FU-TB");
        assertEquals(1, worklistItems("FU-TB"));

        Http.Reply r = http.post("/api/orders/" + order.get("id").asText() + "/justification",
                "{\"decision\": \"RETURN\", " + BELL + ", \"comment\": \"Osteopenia was on a CT scout: please confirm\"}");

        assertEquals(200, r.status(), String.valueOf(r.json()));
        assertEquals("RETURNED", r.json().get("status").asText());
        assertEquals(0, worklistItems("FU-TB"));
        JsonNode decisions = r.json().get("decisions");
        assertEquals(List.of("JUSTIFIED", "RETURNED"),
                List.of(decisions.get(0).get("outcome").asText(), decisions.get(1).get("outcome").asText()));
        assertEquals("AUTO", decisions.get(0).get("decidedBy").get("mode").asText());
        assertEquals("PRACTITIONER", decisions.get(1).get("decidedBy").get("mode").asText());
        assertTrue(decisions.get(1).get("reasons").toString().contains("taken back before the scan"),
                decisions.get(1).toString());
        FakeRis.Received m = toldRis("FU-TB", "CA", "RETURNED");
        assertTrue(m.field("ORC", 16).contains("Osteopenia was on a CT scout"), m.field("ORC", 16));
    }
}
