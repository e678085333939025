package org.dxaflow.hl7;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds original-mode acknowledgements in the version of the message they answer.
 *
 * <p>ERR carries ERR-2 (location), ERR-3 (code, HL7 table 0357), ERR-4 (severity) and ERR-8 (user
 * message), the v2.5 layout; for v2.3/2.4 senders, whose ERR has only ERR-1, the same facts are
 * also put in ERR-1 so either kind of receiver finds them.
 */
public final class AckBuilder {

    private static final Er7Message.Delimiters STANDARD = new Er7Message.Delimiters('|', '^', '~', '\\', '&');

    private final String application;
    private final String facility;
    private final Clock clock;
    private final AtomicLong sequence;

    public AckBuilder(String application, String facility, Clock clock) {
        this.application = application;
        this.facility = facility;
        this.clock = clock;
        this.sequence = new AtomicLong(clock.millis());
    }

    public String accept(MessageHeader h) {
        return build(h, "AA", null, null);
    }

    public String error(MessageHeader h, IntakeError e) {
        return build(h, e.ackCode(), e, e.userMessage());
    }

    /**
     * An ACK for a message whose header could only partly be read: answered in v2.5 so the ERR
     * fields have their defined meaning.
     */
    public String reject(MessageHeader partial, IntakeError e) {
        MessageHeader h = new MessageHeader(partial.sendingApplication(), partial.sendingFacility(),
                partial.receivingApplication(), partial.receivingFacility(), partial.messageType(),
                partial.triggerEvent(), "", partial.controlId(), partial.processingId(),
                partial.version().isEmpty() ? "2.5" : partial.version());
        return build(h, e.ackCode(), e, e.userMessage());
    }

    private String build(MessageHeader h, String code, IntakeError e, String text) {
        Er7Message.Delimiters d = STANDARD;
        boolean v25 = !h.version().startsWith("2.3") && !h.version().equals("2.4") && !h.version().startsWith("2.2");
        String trigger = h.triggerEvent().isEmpty() ? "" : "^" + d.escape(h.triggerEvent());
        String structure = h.version().equals("2.3") || h.version().startsWith("2.2") ? "" : "^ACK";
        StringBuilder sb = new StringBuilder(256);
        sb.append("MSH|^~\\&|").append(d.escape(application)).append('|').append(d.escape(facility)).append('|')
                .append(d.escape(h.sendingApplication())).append('|').append(d.escape(h.sendingFacility())).append('|')
                .append(Hl7Format.timestamp(LocalDateTime.now(clock))).append("||ACK").append(trigger).append(structure)
                .append('|').append("DXA").append(sequence.incrementAndGet()).append('|')
                .append(h.processingId().isEmpty() ? "P" : d.escape(h.processingId())).append('|')
                .append(d.escape(h.version())).append('\r');
        sb.append("MSA|").append(code).append('|').append(d.escape(h.controlId()));
        if (text != null) {
            sb.append('|').append(d.escape(text));
        }
        sb.append('\r');
        if (e != null) {
            String errCode = e.code() + "^" + d.escape(e.codeText()) + "^HL70357";
            sb.append("ERR|");
            if (!v25) {
                // ERR-1 (ELD): segment^sequence^field^code&text&table
                String[] loc = java.util.Arrays.copyOf(e.location().split("\\^", -1), 3);
                for (String part : loc) {
                    sb.append(part == null ? "" : part).append('^');
                }
                sb.append(errCode.replace('^', '&'));
            }
            sb.append('|').append(e.location())
                    .append('|').append(errCode)
                    .append("|E||||")
                    .append(d.escape(e.userMessage()))
                    .append('\r');
        }
        return sb.toString();
    }
}
