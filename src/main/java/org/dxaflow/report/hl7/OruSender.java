package org.dxaflow.report.hl7;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.dxaflow.hl7.Er7Message;
import org.dxaflow.hl7.Hl7FormatException;
import org.dxaflow.hl7.MllpClient;
import org.dxaflow.report.DeliveryFailure;

/**
 * Sends one ORU over MLLP on its own connection and checks the acknowledgement. Delivered only on
 * MSA-1 AA (original mode) or CA (enhanced mode commit accept) for this message's control id
 * (MSA-2). AE and AR are refusals carrying the receiver's MSA-3 / ERR text; AR is
 * {@linkplain DeliveryFailure#permanent() permanent}. No answer, an unreadable answer, an answer for
 * another message or no connection are transient failures. The failure messages name the control id
 * and the receiver's words, never patient data.
 */
public final class OruSender {

    private final String host;
    private final int port;
    private final int timeoutMs;

    public OruSender(String host, int port, Duration timeout) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.timeoutMs = (int) Math.min(Integer.MAX_VALUE, Objects.requireNonNull(timeout, "timeout").toMillis());
    }

    /** Returns once the receiver has accepted {@code er7}; otherwise throws {@link DeliveryFailure}. */
    public void send(String er7) {
        Er7Message.Segment msh;
        try {
            msh = Er7Message.parse(er7).msh();
        } catch (Hl7FormatException e) {
            throw new DeliveryFailure("not an HL7 message: " + e.getMessage(), true, e);
        }
        String controlId = msh.value(10);
        String ack;
        try (MllpClient client = new MllpClient(host, port, timeoutMs, charset(msh.value(18)))) {
            ack = client.send(er7);
        } catch (IOException e) {
            throw new DeliveryFailure("no acknowledgement from " + host + ":" + port + " for " + controlId + ": " + e,
                    false, e);
        }
        check(ack, controlId);
    }

    /** Throws unless {@code ack} accepts {@code controlId}. */
    static void check(String ack, String controlId) {
        Er7Message parsed;
        Er7Message.Segment msa;
        try {
            parsed = Er7Message.parse(ack);
            msa = parsed.first("MSA").orElse(null);
        } catch (Hl7FormatException e) {
            throw new DeliveryFailure("unreadable acknowledgement for " + controlId + ": " + e.getMessage(), false, e);
        }
        if (msa == null) {
            throw new DeliveryFailure("acknowledgement for " + controlId + " has no MSA", false);
        }
        String code = msa.value(1);
        if (!controlId.equals(msa.value(2))) {
            throw new DeliveryFailure("acknowledgement for control id '" + msa.value(2) + "' instead of " + controlId,
                    false);
        }
        if ("AA".equals(code) || "CA".equals(code)) {
            return;
        }
        String why = reason(msa, parsed.all("ERR"));
        String message = "receiver answered " + code + " to " + controlId + (why.isEmpty() ? "" : ": " + why);
        // AR/CR: rejected whatever the content (wrong type, version, processing id); AE/CE: an error in
        // this message. Only a rejection is marked permanent: it will not pass again unchanged.
        if ("AR".equals(code) || "CR".equals(code)) {
            throw new DeliveryFailure(message, true);
        }
        if ("AE".equals(code) || "CE".equals(code)) {
            throw new DeliveryFailure(message, false);
        }
        throw new DeliveryFailure("acknowledgement for " + controlId + " with unknown code '" + code + "'", false);
    }

    /**
     * The receiver's own words: MSA-3 (text message, deprecated since v2.4 but still sent), then each
     * ERR's user message (ERR-8), diagnostic (ERR-7), error code text (ERR-3.2) or the v2.3 style
     * ERR-1 location and code.
     */
    private static String reason(Er7Message.Segment msa, List<Er7Message.Segment> errs) {
        List<String> parts = new ArrayList<>();
        add(parts, msa.value(3));
        for (Er7Message.Segment err : errs) {
            String text = first(err.value(8), err.value(7), err.value(3, 2), err.value(3, 1));
            if (text.isEmpty()) {
                text = String.join(" ", nonEmpty(err.value(1, 1), err.value(1, 4)));
            }
            add(parts, text);
        }
        return String.join("; ", parts);
    }

    private static void add(List<String> parts, String text) {
        if (!text.isEmpty() && !parts.contains(text)) {
            parts.add(text);
        }
    }

    private static String first(String... values) {
        for (String v : values) {
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    private static List<String> nonEmpty(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (!v.isEmpty()) {
                out.add(v);
            }
        }
        return out;
    }

    /** The bytes on the wire follow MSH-18: UTF-8 when it says so, else the HL7 default ISO 8859-1. */
    private static Charset charset(String msh18) {
        return ReportOruBuilder.CHARSET.equalsIgnoreCase(msh18) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    }
}
