package org.dxaflow.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener's judgement on each received message: readable (HAPI parses it), supported
 * (type, trigger, version), usable (the fields an order needs are there and valid). Accepted
 * messages are queued durably by the route before {@link IntakeDecision#ack} goes back.
 */
public final class Hl7Intake {

    private static final Logger LOG = LoggerFactory.getLogger(Hl7Intake.class);

    /** The mappings in use; read once per message, so a reload never changes them mid-message. */
    private final Supplier<MessageReader> readers;
    private final Consumer<IntakeDecision> rejections;
    private final AckBuilder acks;
    private final InboundMessageStore messages;
    private final PipeParser parser;
    private final Clock clock;
    /** No-MSH rejections: one line each, but at most 10 a minute (a fuzzer sends thousands). */
    private final RateLimitedLog unreadable;

    public Hl7Intake(MessageReader reader, AckBuilder acks, InboundMessageStore messages, Clock clock) {
        this(() -> reader, acks, messages, d -> { }, clock);
    }

    /**
     * @param readers    the current mappings (they may be reloaded while the engine runs)
     * @param rejections told of every message answered AE or AR, after it is recorded (the audit trail)
     */
    public Hl7Intake(Supplier<MessageReader> readers, AckBuilder acks, InboundMessageStore messages,
                     Consumer<IntakeDecision> rejections, Clock clock) {
        this.readers = readers;
        this.rejections = rejections;
        this.acks = acks;
        this.messages = messages;
        this.clock = clock;
        this.unreadable = new RateLimitedLog(LOG, "frames with no readable MSH", 10, 60_000, clock::millis);
        HapiContext hapi = new DefaultHapiContext();
        // Structure only: field formats are checked by our own validation, which names the field.
        hapi.setValidationContext(ValidationContextFactory.noValidation());
        this.parser = hapi.getPipeParser();
    }

    public IntakeDecision screen(String raw) {
        String intakeId = UUID.randomUUID().toString();
        var receivedAt = clock.instant();
        Er7Message message;
        try {
            message = Er7Message.parse(raw);
        } catch (Hl7FormatException e) {
            // The frame itself is never logged: it may hold patient data.
            unreadable.warn("Intake {}: no readable MSH ({}); closing the connection", intakeId, e.getMessage());
            return new IntakeDecision(intakeId, receivedAt, raw, null, false,
                    IntakeError.reject(IntakeError.SEGMENT_SEQUENCE_ERROR, "MSH", e.getMessage()), null);
        }
        MessageHeader header = MessageHeader.of(message);
        MessageReader reader = readers.get();
        Optional<IntakeError> problem = reader.supported().check(header);
        if (problem.isEmpty()) {
            problem = parses(raw);
        }
        if (problem.isEmpty()) {
            problem = new MessageValidator(reader.patients(), reader.appointments())
                    .validate(reader.read(message, header));
        }
        if (problem.isPresent()) {
            IntakeError e = problem.get();
            LOG.info("Intake {}: {} answered {} {} at {}", intakeId, describe(header), e.ackCode(), e.code(),
                    e.location());
            return new IntakeDecision(intakeId, receivedAt, raw, header, false, e, acks.error(header, e));
        }
        return new IntakeDecision(intakeId, receivedAt, raw, header, true, null, acks.accept(header));
    }

    /** HAPI must be able to parse it in its declared version, or we would be guessing. */
    private Optional<IntakeError> parses(String raw) {
        try {
            parser.parse(raw.strip().replace("\r\n", "\r").replace('\n', '\r'));
            return Optional.empty();
        } catch (HL7Exception e) {
            var loc = e.getLocation();
            String where = loc == null || loc.getSegmentName() == null ? "MSH"
                    : loc.getSegmentName() + (loc.getField() > 0 ? "^1^" + loc.getField() : "");
            return Optional.of(IntakeError.reject(e.getErrorCode() > 0 ? e.getErrorCode() : 100, where,
                    "Message cannot be parsed: " + e.getMessage()));
        }
    }

    /** Records a message we did not accept, so the console shows what the RIS sent and why it failed. */
    public void recordRejection(IntakeDecision d) {
        messages.recordRejected(d);
        rejections.accept(d);
    }

    /** The queue could not take the message: tell the sender to try again, having stored nothing. */
    public String storageFailed(IntakeDecision d, Exception cause) {
        LOG.error("Intake {}: {} could not be queued: {}", d.intakeId(), d.describe(), cause.toString());
        IntakeError e = IntakeError.error(IntakeError.APPLICATION_INTERNAL_ERROR, "MSH",
                "Message could not be stored; please resend");
        return acks.error(d.header(), e);
    }

    private static String describe(MessageHeader h) {
        return h.typeAndTrigger() + " control id " + h.controlId();
    }
}
