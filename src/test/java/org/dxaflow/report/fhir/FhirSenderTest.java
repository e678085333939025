package org.dxaflow.report.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dxaflow.report.DeliveryFailure;
import org.dxaflow.report.OutboundExamples;
import org.dxaflow.report.ReportCodes;
import org.dxaflow.report.ReportDocument;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FhirSender against a real HAPI FHIR server over HTTP. */
class FhirSenderTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ReportCodes codes = OutboundExamples.codes();
    private final ReportBundleBuilder builder = new ReportBundleBuilder(codes);
    private InMemoryFhirServer server;

    @BeforeEach
    void start() throws Exception {
        server = new InMemoryFhirServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void theFinalVersionReplacesThePreliminaryOne() {
        ReportDocument prelim = OutboundExamples.preliminary();
        ReportDocument verified = OutboundExamples.verified(prelim);
        FhirSender sender = new FhirSender(server.baseUrl(), null, TIMEOUT);
        sender.send(builder.build(prelim, null));
        int observations = server.all(Observation.class).size();
        sender.send(builder.build(verified, "%PDF".getBytes()));
        // and a resend of the same version changes nothing
        sender.send(builder.build(verified, "%PDF".getBytes()));

        List<DiagnosticReport> reports = server.all(DiagnosticReport.class);
        assertEquals(1, reports.size());
        assertEquals("final", reports.get(0).getStatus().toCode());
        assertEquals("DXA-REPORT-5", reports.get(0).getIdentifierFirstRep().getValue());

        List<Observation> obs = server.all(Observation.class);
        // the result's values (BMD and T-score at three regions but the spine, which has no T-score) + WHO
        long values = verified.result().sites().stream()
                .mapToLong(s -> (s.bmd() != null ? 1 : 0) + (s.tScore() != null ? 1 : 0) + (s.zScore() != null ? 1 : 0))
                .sum();
        assertEquals(values + 1, obs.size());
        assertEquals(observations, obs.size(), "no Observation added by the second version");
        Set<String> identifiers = new HashSet<>();
        for (Observation o : obs) {
            assertTrue(identifiers.add(o.getIdentifierFirstRep().getValue()), "one per identifier");
            assertEquals("final", o.getStatus().toCode());
        }

        List<Patient> patients = server.all(Patient.class);
        assertEquals(1, patients.size());
        assertEquals("9434765919", patients.get(0).getIdentifierFirstRep().getValue());
        assertEquals(1, server.all(ServiceRequest.class).size());
        // the report's references were resolved to the server's own resources
        String patientRef = "Patient/" + patients.get(0).getIdElement().getIdPart();
        assertEquals(patientRef, reports.get(0).getSubject().getReference());
        for (Reference r : reports.get(0).getResult()) {
            assertTrue(r.getReference().startsWith("Observation/"), r.getReference());
        }
    }

    @Test
    void aServerErrorIsTransientAndNamesTheDiagnostics() {
        server.mode(InMemoryFhirServer.Mode.FAIL_500);
        DeliveryFailure f = assertThrows(DeliveryFailure.class, () -> new FhirSender(server.baseUrl(), null, TIMEOUT)
                .send(builder.build(OutboundExamples.preliminary(), null)));
        assertFalse(f.permanent());
        assertTrue(f.getMessage().contains("500"), f.getMessage());
        assertTrue(f.getMessage().contains("database unavailable"), f.getMessage());
    }

    @Test
    void aBadRequestIsPermanent() {
        server.mode(InMemoryFhirServer.Mode.FAIL_400);
        DeliveryFailure f = assertThrows(DeliveryFailure.class, () -> new FhirSender(server.baseUrl(), null, TIMEOUT)
                .send(builder.build(OutboundExamples.preliminary(), null)));
        assertTrue(f.permanent());
        assertTrue(f.getMessage().contains("400"), f.getMessage());
        assertTrue(f.getMessage().contains("Observation.code is not a known code"), f.getMessage());
    }

    @Test
    void theBearerTokenIsSentWhenGiven() {
        new FhirSender(server.baseUrl(), "s3cret-token", TIMEOUT).send(builder.build(OutboundExamples.preliminary(), null));
        new FhirSender(server.baseUrl(), null, TIMEOUT).send(builder.build(OutboundExamples.preliminary(), null));
        assertEquals(List.of("Bearer s3cret-token", "null"), server.authorizations());
    }

    @Test
    void noServerIsTransient() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        DeliveryFailure f = assertThrows(DeliveryFailure.class,
                () -> new FhirSender("http://127.0.0.1:" + port + "/fhir", null, Duration.ofSeconds(2))
                        .send(builder.build(OutboundExamples.preliminary(), null)));
        assertFalse(f.permanent());
    }
}
