package org.dxaflow.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.dxaflow.order.SentDate;
import org.dxaflow.testing.SiuMessages;
import org.junit.jupiter.api.Test;

/** A booking needs a start that is a date: read once at intake, refused there with the field named. */
class AppointmentStartValidationTest {

    private final MessageReader reader = MessageReader.fromMappings(Path.of("mappings"));
    private final MessageValidator validator = new MessageValidator(reader.patients(), reader.appointments());

    private MappedMessage read(String start) {
        Er7Message m = Er7Message.parse(SiuMessages.siu("S12", "2.5.1", "C1", "ORD1", "APT1", start, "Booked"));
        return reader.read(m, MessageHeader.of(m));
    }

    @Test
    void aReadableStartIsTypedAndAccepted() {
        MappedMessage m = read("202612071030");
        assertEquals(SentDate.of(LocalDate.of(2026, 12, 7), LocalTime.of(10, 30)), m.appointment().start());
        assertEquals(Optional.empty(), validator.validate(m));
    }

    @Test
    void aStartThatIsNotADateIsADataTypeErrorAndNoStartIsAMissingField() {
        IntakeError unreadable = validator.validate(read("2026-12-07")).orElseThrow();
        assertEquals(IntakeError.DATA_TYPE_ERROR, unreadable.code());
        assertTrue(unreadable.location().startsWith("AIS"), unreadable.location());
        assertEquals(IntakeError.REQUIRED_FIELD_MISSING, validator.validate(read("")).orElseThrow().code());
    }
}
