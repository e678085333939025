package org.dxaflow.web;

import org.apache.camel.Exchange;
import org.dxaflow.access.AccessDeniedException;
import org.dxaflow.access.Authenticator;
import org.dxaflow.access.Caller;
import org.dxaflow.access.Role;
import org.dxaflow.audit.AuditEvent;
import org.dxaflow.audit.AuditLog;
import org.dxaflow.audit.AuditResources;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The API's door, called first by every route in routes/api.camel.yaml with the roles that route
 * allows: {@code require} signs the caller in and checks the role (the caller is kept on the
 * exchange for the endpoint's bean and the audit), {@code refusal} turns a refused request into
 * its answer, {@code audit} records what a signed-in caller did, with the patient it concerned.
 */
public final class ApiAccess {

    /** Exchange property holding the {@link Caller}. */
    public static final String CALLER = "dxaflowCaller";
    /** platform-http (Vert.x) puts the peer's socket address here. */
    private static final String REMOTE_ADDRESS = "CamelVertxPlatformHttpRemoteAddress";

    /** Which resource an endpoint's {id} names, by route (the audit's resource type). */
    private static final Map<String, String> RESOURCES = Map.ofEntries(
            Map.entry("api-order", "ORDER"), Map.entry("api-order-result", "ORDER"),
            Map.entry("api-order-reports", "ORDER"), Map.entry("api-justification-decide", "ORDER"),
            Map.entry("api-result", "RESULT"), Map.entry("api-result-match", "RESULT"),
            Map.entry("api-result-reprocess", "RESULT"),
            Map.entry("api-report", "REPORT"), Map.entry("api-report-pdf", "REPORT"),
            Map.entry("api-report-verify", "REPORT"), Map.entry("api-report-amend", "REPORT"),
            Map.entry("api-message", "MESSAGE"), Map.entry("api-delivery-resend", "DELIVERY"));

    private final Authenticator authenticator;
    private final AuditLog audit;
    private final AuditResources resources;
    private final Clock clock;

    public ApiAccess(Authenticator authenticator, AuditLog audit, AuditResources resources, Clock clock) {
        this.authenticator = authenticator;
        this.audit = audit;
        this.resources = resources;
        this.clock = clock;
    }

    /**
     * @param roles the roles the endpoint allows, comma separated (admin always may)
     * @throws AccessDeniedException 401, 403 or 429
     */
    public Caller require(Exchange exchange, String roles) {
        Caller caller = authenticator.authenticate(exchange.getMessage().getHeader("Authorization", String.class),
                address(exchange));
        authenticator.authorize(caller, parse(roles), action(exchange));
        exchange.setProperty(CALLER, caller);
        return caller;
    }

    /** The answer to a refused request, with WWW-Authenticate (401) or Retry-After (429). */
    public ApiResponse refusal(Exchange exchange) {
        Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        AccessDeniedException e = t instanceof AccessDeniedException a ? a
                : new AccessDeniedException(401, "credentials required (HTTP Basic)");
        if (e.status() == 401) {
            exchange.getMessage().setHeader("WWW-Authenticate", "Basic realm=\"dxaflow\", charset=\"UTF-8\"");
        } else if (e.status() == 429) {
            exchange.getMessage().setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        return ApiResponse.error(e.status(), e.getMessage());
    }

    /** Records what the signed-in caller did: the endpoint, its resource and the patient, and the status answered. */
    public void audit(Exchange exchange, int status) {
        Caller caller = exchange.getProperty(CALLER, Caller.class);
        if (caller == null) {
            return;
        }
        String route = exchange.getFromRouteId();
        String type = RESOURCES.get(route);
        String id = type == null ? null : exchange.getMessage().getHeader("id", String.class);
        Long patient = type == null ? null : resources.patientOf(type, id).orElse(null);
        audit.record(new AuditEvent(clock.instant(), caller.username(), Authenticator.roles(caller.user()),
                caller.address(), action(exchange), type, id, patient,
                status < 400 ? AuditEvent.SUCCESS : AuditEvent.FAILURE, "HTTP " + status));
    }

    private static String action(Exchange exchange) {
        String route = exchange.getFromRouteId();
        return route == null ? "api" : route.startsWith("api-") ? route.substring(4) : route;
    }

    /** The peer's IP address, without the port: every connection has its own port, a person does not. */
    static String address(Exchange exchange) {
        Object remote = exchange.getMessage().getHeader(REMOTE_ADDRESS);
        if (remote == null) {
            return "unknown";
        }
        String text = remote.toString();
        int colon = text.lastIndexOf(':');
        if (colon > 0 && text.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            text = text.substring(0, colon);
        }
        return text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    }

    private static Set<Role> parse(String roles) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        for (String r : roles.split(",")) {
            out.add(Role.parse(r).orElseThrow(() -> new IllegalArgumentException("unknown role '" + r
                    + "' in routes/api.camel.yaml")));
        }
        return out;
    }
}
