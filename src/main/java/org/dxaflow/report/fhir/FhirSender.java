package org.dxaflow.report.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.dxaflow.report.DeliveryFailure;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Posts a report's transaction Bundle to a FHIR R4 server with HAPI's generic client. Delivered when
 * the server answers 2xx and every entry of its transaction-response is 2xx. Otherwise a
 * {@link DeliveryFailure} naming the HTTP status and the server's OperationOutcome diagnostics; a
 * 4xx other than 408 and 429 is {@linkplain DeliveryFailure#permanent() permanent} (the same Bundle
 * will be refused again), a 5xx, 408, 429 or an I/O error is not.
 */
public final class FhirSender {

    /** One context per sender: it is costly to build, thread-safe, and not shared state of the JVM. */
    private final FhirContext context;
    private final IGenericClient client;
    private final String baseUrl;

    public FhirSender(String baseUrl, String bearerTokenOrNull, Duration timeout) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        int ms = (int) Math.min(Integer.MAX_VALUE, Objects.requireNonNull(timeout, "timeout").toMillis());
        this.context = FhirContext.forR4();
        IRestfulClientFactory factory = context.getRestfulClientFactory();
        factory.setConnectTimeout(ms);
        factory.setSocketTimeout(ms);
        factory.setConnectionRequestTimeout(ms);
        // no CapabilityStatement fetch before the first call: one request per delivery, and a server
        // that is down fails the delivery, not the engine's start
        factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
        this.client = context.newRestfulGenericClient(baseUrl);
        if (bearerTokenOrNull != null && !bearerTokenOrNull.isBlank()) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(bearerTokenOrNull));
        }
    }

    /** Returns once the server has applied the whole transaction; otherwise throws {@link DeliveryFailure}. */
    public void send(Bundle bundle) {
        Bundle response;
        try {
            response = client.transaction().withBundle(bundle).execute();
        } catch (FhirClientConnectionException e) {
            // a subclass of the server response exception, with no HTTP status: the server was not reached
            throw new DeliveryFailure("FHIR server " + baseUrl + " not reached: " + e.getMessage(), false, e);
        } catch (BaseServerResponseException e) {
            int status = e.getStatusCode();
            boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
            throw new DeliveryFailure("FHIR server " + baseUrl + " answered HTTP " + status
                    + diagnostics(e.getOperationOutcome(), e.getMessage()), permanent, e);
        } catch (RuntimeException e) {
            // the client wraps socket and parse errors in various runtime exceptions
            throw new DeliveryFailure("FHIR transaction to " + baseUrl + " failed: " + e, false, e);
        }
        checkEntries(response);
    }

    /** A transaction is all or nothing, but a server that answers 200 with a failed entry is not trusted. */
    private void checkEntries(Bundle response) {
        if (response == null) {
            throw new DeliveryFailure("FHIR server " + baseUrl + " answered the transaction with no Bundle", false);
        }
        for (Bundle.BundleEntryComponent entry : response.getEntry()) {
            String status = entry.getResponse().getStatus();
            if (status == null || !status.trim().startsWith("2")) {
                int code = parseStatus(status);
                boolean permanent = code >= 400 && code < 500 && code != 408 && code != 429;
                IBaseOperationOutcome outcome = entry.getResponse().getOutcome() instanceof OperationOutcome
                        ? (OperationOutcome) entry.getResponse().getOutcome() : null;
                throw new DeliveryFailure("FHIR server " + baseUrl + " answered an entry with '" + status + "'"
                        + diagnostics(outcome, ""), permanent);
            }
        }
    }

    private static int parseStatus(String status) {
        try {
            return status == null ? 0 : Integer.parseInt(status.trim().split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** ": " and the OperationOutcome's diagnostics (else details text), else the client's message. */
    private static String diagnostics(IBaseOperationOutcome outcome, String fallback) {
        List<String> parts = new ArrayList<>();
        if (outcome instanceof OperationOutcome) {
            for (OperationOutcome.OperationOutcomeIssueComponent issue : ((OperationOutcome) outcome).getIssue()) {
                String text = issue.hasDiagnostics() ? issue.getDiagnostics()
                        : issue.getDetails().hasText() ? issue.getDetails().getText() : "";
                if (!text.isBlank() && !parts.contains(text)) {
                    parts.add(text);
                }
            }
        }
        if (parts.isEmpty() && fallback != null && !fallback.isBlank()) {
            parts.add(fallback);
        }
        return parts.isEmpty() ? "" : ": " + String.join("; ", parts);
    }
}
