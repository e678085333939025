package org.dxaflow.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

/**
 * One {@link AuditEvent} as a DICOM Audit Message (DICOM PS3.15 Annex A.5, "Audit Trail Message
 * Format Profile": the XML derived from RFC 3881 that IHE ATNA record repositories take). The
 * element and attribute names, their order and the coded values follow the schema of PS3.15
 * A.5.1 (coded values as {@code csd-code}, {@code codeSystemName}, {@code originalText}).
 *
 * <p>What it carries, and what it never carries: the user id the caller gave, their roles, the
 * address they called from, the action and the row id of the resource. A patient appears only as
 * their row id in dxaflow's database (PS3.15 A.5.3 participant "Patient", ID type RFC 3881 code 2
 * "Patient Number"): never a name, an MRN or an NHS number, so a copy of the message outside the
 * hospital discloses nothing without the database. Query parameters are not forwarded either (a
 * search by MRN would put it in the message); the query participant names only the endpoint.
 */
public final class DicomAuditMessage {

    /** A coded value (PS3.15 A.5.1 CodedValueType). */
    record Code(String code, String system, String meaning) {
    }

    /** How one action is reported: the PS3.15 A.5.3 event, its action code and its standard type, if any. */
    record Kind(Code eventId, String actionCode, Code eventType) {
    }

    static final String DCM = "DCM";
    static final String RFC_3881 = "RFC-3881";
    /** dxaflow's own codes (PS3.16 8.2: a private coding scheme designator starts with 99). */
    static final String LOCAL = "99DXAFLOW";

    // PS3.15 A.5.3 / PS3.16 CID 400 "Audit Event ID"
    static final Code APPLICATION_ACTIVITY = new Code("110100", DCM, "Application Activity");
    static final Code AUDIT_LOG_USED = new Code("110101", DCM, "Audit Log Used");
    static final Code IMPORT = new Code("110107", DCM, "Import");
    static final Code ORDER_RECORD = new Code("110109", DCM, "Order Record");
    static final Code PATIENT_RECORD = new Code("110110", DCM, "Patient Record");
    static final Code QUERY = new Code("110112", DCM, "Query");
    static final Code SECURITY_ALERT = new Code("110113", DCM, "Security Alert");
    static final Code USER_AUTHENTICATION = new Code("110114", DCM, "User Authentication");
    // PS3.16 CID 401 "Audit Event Type Code"
    static final Code LOGIN = new Code("110122", DCM, "Login");
    static final Code SOFTWARE_CONFIGURATION = new Code("110131", DCM, "Software Configuration");
    // PS3.16 CID 402 "Audit Active Participant Role ID Code"
    static final Code APPLICATION = new Code("110150", DCM, "Application");
    // PS3.15 A.5.2 AuditSourceTypeCode (the RFC 3881 source types)
    static final Code APPLICATION_SERVER = new Code("4", DCM, "Application Server Process or Thread");
    // RFC 3881 5.5.4 ParticipantObjectIDTypeCode
    static final Code PATIENT_NUMBER = new Code("2", RFC_3881, "Patient Number");
    static final Code URI = new Code("12", RFC_3881, "URI");

    /** Lists (GET without an id): PS3.15 A.5.3.12 Query, action E. */
    private static final Set<String> QUERIES = Set.of("orders", "messages", "objects", "justification-queue",
            "justification-incidents", "results", "results-unmatched", "reports", "deliveries");
    /** Changes to a record: action U (the rest of the single-resource endpoints read, R). */
    private static final Set<String> UPDATES = Set.of("justification-decide", "result-match", "result-reprocess",
            "report-verify", "report-amend", "delivery-resend");
    /** RFC 3881 ParticipantObjectTypeCodeRole of each resource type: a report is a Report (3), the rest Resource (4). */
    private static final Map<String, String> OBJECT_ROLES = Map.of("REPORT", "3");
    /** Longest EventOutcomeDescription: keeps a UDP datagram well under the 2048 octets RFC 5426 says to accept. */
    private static final int MAX_DESCRIPTION = 200;

    private final String sourceId;
    private final String hostName;
    private final String processId;

    /**
     * @param sourceId  AuditSourceID (PS3.15 A.5.2): the name the record repository knows this engine by
     * @param hostName  this machine, the engine's own participant's network access point
     * @param processId the engine's process id (AlternativeUserID of its participant)
     */
    public DicomAuditMessage(String sourceId, String hostName, String processId) {
        this.sourceId = sourceId;
        this.hostName = hostName;
        this.processId = processId;
    }

    /** The PS3.15 A.5.3 event an action is reported as. */
    static Kind kind(AuditEvent e) {
        String action = e.action() == null ? "" : e.action();
        if (action.equals("LOGIN")) {
            return new Kind(USER_AUTHENTICATION, "E", LOGIN);
        }
        if (action.equals("CONFIG_RELOAD")) {
            // A.5.3.11 Security Alert, type Software Configuration: a change to what the engine runs
            return new Kind(SECURITY_ALERT, "E", SOFTWARE_CONFIGURATION);
        }
        if (action.equals("HL7_REFUSED")) {
            // A.5.3.8 Import: data offered to the engine from outside (an HL7 message), here refused (AE/AR)
            return new Kind(IMPORT, "C", null);
        }
        if (action.equals("audit")) {
            return new Kind(AUDIT_LOG_USED, "R", null);
        }
        if (QUERIES.contains(action)) {
            return new Kind(QUERY, "E", null);
        }
        String actionCode = UPDATES.contains(action) ? "U" : "R";
        String type = e.resourceType() == null ? "" : e.resourceType();
        if (type.equals("ORDER")) {
            return new Kind(ORDER_RECORD, actionCode, null);
        }
        if (!type.isEmpty() || e.patientId() != null) {
            // results, reports, HL7 messages and deliveries all hold a patient's record
            return new Kind(PATIENT_RECORD, actionCode, null);
        }
        // what touches no record (the densitometry calculator, a future endpoint): the application's own activity
        return new Kind(APPLICATION_ACTIVITY, "E", null);
    }

    /**
     * PS3.15 A.5.1 EventOutcomeIndicator: 0 success; 4 minor failure for a refusal or a failed
     * request (the engine worked, the caller was told no); 8 serious failure when the engine
     * itself failed (an HTTP 5xx answer).
     */
    static String outcome(AuditEvent e) {
        if (AuditEvent.SUCCESS.equals(e.outcome())) {
            return "0";
        }
        String detail = e.detail() == null ? "" : e.detail();
        return detail.startsWith("HTTP 5") ? "8" : "4";
    }

    public String xml(AuditEvent e) {
        Kind kind = kind(e);
        StringBuilder x = new StringBuilder(1536);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        x.append("<AuditMessage>");
        // A.5.1 EventIdentification: EventID, EventTypeCode*, EventOutcomeDescription?
        x.append("<EventIdentification");
        attr(x, "EventActionCode", kind.actionCode());
        attr(x, "EventDateTime", dateTime(e.at()));
        attr(x, "EventOutcomeIndicator", outcome(e));
        x.append('>');
        code(x, "EventID", kind.eventId());
        if (kind.eventType() != null) {
            code(x, "EventTypeCode", kind.eventType());
        }
        // dxaflow's own name for what was done, so the repository can tell "report-verify" from "report"
        code(x, "EventTypeCode", new Code(nonEmpty(e.action(), "unknown"), LOCAL, nonEmpty(e.action(), "unknown")));
        if (e.detail() != null && !e.detail().isBlank()) {
            x.append("<EventOutcomeDescription>").append(text(truncate(e.detail(), MAX_DESCRIPTION)))
                    .append("</EventOutcomeDescription>");
        }
        x.append("</EventIdentification>");

        // A.5.2 ActiveParticipant: the requestor (the user, or "dxaflow" for what the engine did itself)
        x.append("<ActiveParticipant");
        attr(x, "UserID", nonEmpty(e.username(), "unknown"));
        attr(x, "UserIsRequestor", "true");
        networkAccessPoint(x, e.address());
        x.append('>');
        if (e.roles() != null) {
            for (String role : e.roles().split(",")) {
                if (!role.isBlank()) {
                    code(x, "RoleIDCode", new Code(role.trim(), LOCAL, role.trim()));
                }
            }
        }
        x.append("</ActiveParticipant>");
        // and the engine, the application that served (or refused) the request
        x.append("<ActiveParticipant");
        attr(x, "UserID", sourceId);
        attr(x, "AlternativeUserID", processId);
        attr(x, "UserIsRequestor", "false");
        attr(x, "NetworkAccessPointID", hostName);
        attr(x, "NetworkAccessPointTypeCode", "1");
        x.append('>');
        code(x, "RoleIDCode", APPLICATION);
        x.append("</ActiveParticipant>");

        x.append("<AuditSourceIdentification");
        attr(x, "AuditSourceID", sourceId);
        x.append('>');
        code(x, "AuditSourceTypeCode", APPLICATION_SERVER);
        x.append("</AuditSourceIdentification>");

        // A.5.2 ParticipantObjectIdentification: the patient (row id only), then the resource
        if (e.patientId() != null) {
            participantObject(x, Long.toString(e.patientId()), "1", "1", PATIENT_NUMBER);
        }
        if (kind.eventId().equals(AUDIT_LOG_USED)) {
            // A.5.3.2: the audit log itself, a security resource (13) named by its URI
            participantObject(x, "/api/audit", "2", "13", URI);
        } else if (kind.eventId().equals(QUERY)) {
            // A.5.3.12: the query (24); its parameters are left out, they may hold an MRN or NHS number
            participantObject(x, e.action(), "2", "24", new Code("endpoint", LOCAL, "dxaflow API endpoint"));
        } else if (e.resourceType() != null && e.resourceId() != null) {
            String type = e.resourceType();
            participantObject(x, e.resourceId(), "2", OBJECT_ROLES.getOrDefault(type, "4"),
                    new Code(type, LOCAL, "dxaflow " + type.toLowerCase(java.util.Locale.ROOT)
                            + (type.equals("FILE") ? " path" : " row id")));
        }
        x.append("</AuditMessage>");
        return x.toString();
    }

    /** RFC 3881 5.3 NetworkAccessPointTypeCode: 2 for an IP address, 1 for a machine name; left out when not known. */
    private static void networkAccessPoint(StringBuilder x, String address) {
        // "mllp" (an HL7 sender) and "local" (the engine itself) name a channel, not an address
        if (address == null || address.isBlank() || address.equals("unknown") || address.equals("local")
                || address.equals("mllp")) {
            return;
        }
        attr(x, "NetworkAccessPointID", address);
        attr(x, "NetworkAccessPointTypeCode", isIpLiteral(address) ? "2" : "1");
    }

    static boolean isIpLiteral(String address) {
        return address.contains(":") || address.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    private static void participantObject(StringBuilder x, String id, String typeCode, String role, Code idType) {
        x.append("<ParticipantObjectIdentification");
        attr(x, "ParticipantObjectID", id);
        attr(x, "ParticipantObjectTypeCode", typeCode);
        attr(x, "ParticipantObjectTypeCodeRole", role);
        x.append('>');
        code(x, "ParticipantObjectIDTypeCode", idType);
        x.append("</ParticipantObjectIdentification>");
    }

    private static void code(StringBuilder x, String element, Code c) {
        x.append('<').append(element);
        attr(x, "csd-code", c.code());
        attr(x, "codeSystemName", c.system());
        attr(x, "originalText", c.meaning());
        x.append("/>");
    }

    private static void attr(StringBuilder x, String name, String value) {
        x.append(' ').append(name).append("=\"").append(text(value)).append('"');
    }

    /** Escaped for XML text and attribute values; characters XML 1.0 cannot carry at all are dropped. */
    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                case '\t':
                case '\n':
                case '\r':
                    // a space: an attribute value would be normalised to one anyway, and one line reads better
                    out.append(' ');
                    break;
                default:
                    if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
                        out.append(c);
                    }
            }
        }
        return out.toString();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String nonEmpty(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }

    /** xsd:dateTime in UTC, to the millisecond (A.5.1 EventDateTime). */
    static String dateTime(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
