package org.dxaflow.hl7;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dxaflow.conf.ConfNode;

/** The message types, triggers and versions the listener accepts ({@code mappings/hl7/inbound.yaml}). */
public final class SupportedMessages {

    /** One accepted message type. */
    public record Entry(String type, List<String> triggers, List<String> versions, String handler) {
        public Entry {
            triggers = List.copyOf(triggers);
            versions = List.copyOf(versions);
        }
    }

    private final List<Entry> entries;

    public SupportedMessages(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static SupportedMessages load(Path file) {
        return new SupportedMessages(MappingFile.read(file, mf -> {
            List<Entry> entries = new ArrayList<>();
            for (ConfNode n : mf.section("messages").items()) {
                entries.add(new Entry(n.nonBlank("type"), n.texts("triggers"), n.texts("versions"),
                        n.nonBlank("handler")));
            }
            return entries;
        }));
    }

    /**
     * The handler for a message, or the reason it is not accepted as an AR error: 200 unsupported
     * message type, 201 unsupported event code, 203 unsupported version id (HL7 table 0357).
     */
    public Optional<IntakeError> check(MessageHeader h) {
        List<Entry> ofType = entries.stream().filter(e -> e.type().equals(h.messageType())).toList();
        if (ofType.isEmpty()) {
            return Optional.of(IntakeError.reject(IntakeError.UNSUPPORTED_MESSAGE_TYPE, "MSH^1^9^1^1",
                    "message type " + h.messageType() + " is not accepted by dxaflow"));
        }
        List<Entry> ofTrigger = ofType.stream().filter(e -> e.triggers().contains(h.triggerEvent())).toList();
        if (ofTrigger.isEmpty()) {
            return Optional.of(IntakeError.reject(IntakeError.UNSUPPORTED_EVENT_CODE, "MSH^1^9^1^2",
                    h.typeAndTrigger() + " is not accepted by dxaflow"));
        }
        if (ofTrigger.stream().noneMatch(e -> e.versions().contains(h.version()))) {
            return Optional.of(IntakeError.reject(IntakeError.UNSUPPORTED_VERSION, "MSH^1^12",
                    h.typeAndTrigger() + " version " + h.version() + " is not accepted (accepted: "
                            + String.join(", ", ofTrigger.get(0).versions()) + ")"));
        }
        return Optional.empty();
    }

    public String handlerFor(MessageHeader h) {
        return entries.stream()
                .filter(e -> e.type().equals(h.messageType()) && e.triggers().contains(h.triggerEvent()))
                .map(Entry::handler)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no handler for " + h.typeAndTrigger()));
    }
}
