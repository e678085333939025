package org.dxaflow.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The RFC 5424 message around a DICOM audit message, as PS3.15 A.5 and IHE ATNA (ITI-20) send it:
 * {@code <PRI>1 TIMESTAMP HOSTNAME dxaflow PROCID DICOM+RFC3881 - XML}.
 *
 * <ul>
 * <li>PRI: facility 10 (security/authorization, "authpriv") times 8 plus the severity: 5 Notice
 * for a success (PRI 85, what ATNA senders customarily use), 4 Warning for a refusal or failed
 * request (84), 3 Error when the engine itself failed (83). A collector can so filter failures
 * without parsing the XML.</li>
 * <li>TIMESTAMP: when the event happened (the audit row's time), UTC, to the millisecond.</li>
 * <li>MSGID: {@code DICOM+RFC3881}, the DICOM audit message format's identifier.</li>
 * <li>No STRUCTURED-DATA ({@code -}); MSG is the XML in UTF-8 without a byte order mark: the XML
 * declaration names its encoding, and IHE (ITI CP 477) asks senders to leave the BOM out, which
 * many record repositories otherwise reject.</li>
 * </ul>
 */
final class SyslogFrame {

    static final int FACILITY_AUTHPRIV = 10;
    static final String APP_NAME = "dxaflow";
    static final String MSG_ID = "DICOM+RFC3881";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String hostName;
    private final String processId;

    SyslogFrame(String hostName, String processId) {
        this.hostName = headerField(hostName, 255);
        this.processId = headerField(processId, 128);
    }

    /** PS3.15 A.5.1 EventOutcomeIndicator to RFC 5424 severity. */
    static int severity(String outcomeIndicator) {
        switch (outcomeIndicator) {
            case "0":
                return 5;
            case "4":
                return 4;
            default:
                return 3;
        }
    }

    byte[] frame(Instant at, String outcomeIndicator, String xml) {
        int pri = FACILITY_AUTHPRIV * 8 + severity(outcomeIndicator);
        String header = "<" + pri + ">1 " + TIMESTAMP.format(at) + " " + hostName + " " + APP_NAME + " "
                + processId + " " + MSG_ID + " - ";
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    /** RFC 5424 6.2: header fields are printable US-ASCII without spaces, or the NILVALUE "-". */
    static String headerField(String value, int max) {
        StringBuilder out = new StringBuilder();
        if (value != null) {
            for (int i = 0; i < value.length() && out.length() < max; i++) {
                char c = value.charAt(i);
                if (c >= 33 && c <= 126) {
                    out.append(c);
                }
            }
        }
        return out.length() == 0 ? "-" : out.toString();
    }
}
