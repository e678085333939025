package org.dxaflow.report.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A FHIR R4 server for the sender's tests: HAPI's RestfulServer in an embedded Jetty, holding
 * resources in memory, with a transaction operation that honours {@code ifNoneExist} and
 * conditional PUT on {@code identifier=system|value} (what the report Bundle uses), resolves the
 * Bundle's urn:uuid references, and can be told to fail.
 */
public final class InMemoryFhirServer implements AutoCloseable {

    /** What the next transactions get: processed, or an HTTP error with an OperationOutcome. */
    public enum Mode { OK, FAIL_500, FAIL_400 }

    private final FhirContext fhir = FhirContext.forR4();
    private final Map<String, Map<String, Resource>> store = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final List<String> authorizations = new ArrayList<>();
    private final Server jetty;
    private volatile Mode mode = Mode.OK;

    public InMemoryFhirServer() throws Exception {
        RestfulServer servlet = new RestfulServer(fhir);
        servlet.registerProvider(new TransactionProvider());
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(servlet), "/fhir/*");
        jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
        jetty.setHandler(context);
        jetty.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + "/fhir";
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public synchronized <T extends Resource> List<T> all(Class<T> type) {
        return store.getOrDefault(fhir.getResourceType(type), Map.of()).values().stream().map(type::cast).toList();
    }

    public synchronized List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }

    /** The system-level transaction operation. */
    public final class TransactionProvider {

        @Transaction
        public Bundle transaction(@TransactionParam Bundle in, RequestDetails request) {
            synchronized (InMemoryFhirServer.this) {
                authorizations.add(String.valueOf(request.getHeader("Authorization")));
                if (mode == Mode.FAIL_500) {
                    throw new InternalErrorException("database unavailable");
                }
                if (mode == Mode.FAIL_400) {
                    throw new InvalidRequestException("Observation.code is not a known code");
                }
                return apply(in);
            }
        }
    }

    private Bundle apply(Bundle in) {
        Map<String, String> resolved = new HashMap<>();
        Map<Bundle.BundleEntryComponent, Boolean> write = new LinkedHashMap<>();
        Bundle out = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        for (Bundle.BundleEntryComponent e : in.getEntry()) {
            Resource r = e.getResource();
            String type = r.fhirType();
            Bundle.BundleEntryRequestComponent req = e.getRequest();
            String condition = req.getMethod() == Bundle.HTTPVerb.PUT
                    ? req.getUrl().substring(req.getUrl().indexOf('?') + 1) : req.getIfNoneExist();
            String existing = condition == null ? null : find(type, condition);
            String id = existing != null ? existing : String.valueOf(ids.incrementAndGet());
            resolved.put(e.getFullUrl(), type + "/" + id);
            r.setId(type + "/" + id);
            boolean created = existing == null;
            // POST ifNoneExist: a match is left as it is; PUT: created or replaced
            write.put(e, created || req.getMethod() == Bundle.HTTPVerb.PUT);
            out.addEntry().getResponse().setStatus(created ? "201 Created" : "200 OK").setLocation(type + "/" + id);
        }
        for (Map.Entry<Bundle.BundleEntryComponent, Boolean> w : write.entrySet()) {
            Resource r = w.getKey().getResource();
            for (Reference ref : fhir.newTerser().getAllPopulatedChildElementsOfType(r, Reference.class)) {
                if (ref.hasReference() && resolved.containsKey(ref.getReference())) {
                    ref.setReference(resolved.get(ref.getReference()));
                }
            }
            if (w.getValue()) {
                store.computeIfAbsent(r.fhirType(), t -> new LinkedHashMap<>()).put(r.getIdElement().getIdPart(), r);
            }
        }
        return out;
    }

    /** The id of the resource of {@code type} with identifier {@code identifier=system|value}, or null. */
    private String find(String type, String condition) {
        if (!condition.startsWith("identifier=")) {
            throw new InvalidRequestException("unsupported condition " + condition);
        }
        String token = condition.substring("identifier=".length());
        int bar = token.lastIndexOf('|');
        String system = token.substring(0, bar);
        String value = token.substring(bar + 1);
        for (Map.Entry<String, Resource> e : store.getOrDefault(type, Map.of()).entrySet()) {
            List<Identifier> identifiers = fhir.newTerser().getValues(e.getValue(), type + ".identifier",
                    Identifier.class);
            if (identifiers.stream().anyMatch(i -> system.equals(i.getSystem()) && value.equals(i.getValue()))) {
                return e.getKey();
            }
        }
        return null;
    }
}
