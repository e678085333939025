package org.dxaflow.hl7;

import java.util.Optional;
import org.dxaflow.order.NhsNumber;

/**
 * Decides whether a readable message is usable. Each failure names the field (ERR-2) and says in
 * plain words what is wrong (ERR-8), so the RIS team can fix the feed without reading our logs.
 */
public final class MessageValidator {

    private final PatientMapper patients;
    private final AppointmentMapper appointments;

    public MessageValidator(PatientMapper patients, AppointmentMapper appointments) {
        this.patients = patients;
        this.appointments = appointments;
    }

    public Optional<IntakeError> validate(MappedMessage m) {
        if (!m.hasPid()) {
            return err(IntakeError.SEGMENT_SEQUENCE_ERROR, "PID", "The PID segment is missing");
        }
        if (m.patient().primaryId() == null || m.patient().primaryId().isEmpty()) {
            return err(IntakeError.REQUIRED_FIELD_MISSING, "PID^1^3",
                    "PID-3 (patient identifier list) has no MR or NHS number identifier");
        }
        String nhs = m.patient().nhsNumber();
        if (!nhs.isEmpty() && !NhsNumber.isValid(nhs)) {
            return err(IntakeError.DATA_TYPE_ERROR, patients.location("nhsNumber"),
                    "The NHS number in PID-3 is not a valid NHS number (Modulus 11 check digit fails)");
        }
        if (m.isOrder()) {
            return validateOrders(m);
        }
        if (m.isAppointment()) {
            return validateAppointment(m);
        }
        if (m.isMerge() && m.prior().isEmpty()) {
            return err(IntakeError.REQUIRED_FIELD_MISSING, "MRG^1^1",
                    "MRG-1 (prior patient identifier list) is required for a merge");
        }
        return Optional.empty();
    }

    private Optional<IntakeError> validateOrders(MappedMessage m) {
        if (m.orders().isEmpty()) {
            return err(IntakeError.SEGMENT_SEQUENCE_ERROR, "ORC", "The ORC segment is missing: no order in message");
        }
        int n = 0;
        for (OrderMapper.MappedOrder o : m.orders()) {
            n++;
            if (o.segments().stream().noneMatch(s -> s.name().equals("OBR"))) {
                return err(IntakeError.SEGMENT_SEQUENCE_ERROR, "OBR",
                        "The OBR segment is missing in order group " + n);
            }
            if (o.controlCode().isEmpty()) {
                return err(IntakeError.REQUIRED_FIELD_MISSING, "ORC^" + n + "^1", "ORC-1 (order control) is empty");
            }
            if (o.request().control() == null) {
                return err(IntakeError.TABLE_VALUE_NOT_FOUND, "ORC^" + n + "^1",
                        "Order control code '" + o.controlCode() + "' is not supported (NW, CA, DC, XO, SC)");
            }
            if (o.request().placerOrderNumber().isEmpty()) {
                return err(IntakeError.REQUIRED_FIELD_MISSING, "ORC^" + n + "^2",
                        "No placer order number in ORC-2 or OBR-2");
            }
        }
        return Optional.empty();
    }

    private Optional<IntakeError> validateAppointment(MappedMessage m) {
        if (!m.appointment().identifiesAnOrder()) {
            return err(IntakeError.REQUIRED_FIELD_MISSING, appointments.location("placerOrderNumber"),
                    "No order number: SIU needs the placer order number (SCH-26) or filler order number (SCH-27)");
        }
        boolean books = switch (m.header().triggerEvent()) {
            case "S12", "S13", "S14" -> true;
            default -> false;
        };
        if (books && m.appointment().start().isUnreadable()) {
            return err(IntakeError.DATA_TYPE_ERROR, appointments.location("start"),
                    "The appointment start (AIS-4 or SCH-11 start) is not a date with a day in SIU^"
                            + m.header().triggerEvent());
        }
        if (books && m.appointment().start().date() == null) {
            return err(IntakeError.REQUIRED_FIELD_MISSING, appointments.location("start"),
                    "No appointment start date/time (AIS-4 or SCH-11 start) in SIU^" + m.header().triggerEvent());
        }
        return Optional.empty();
    }

    private static Optional<IntakeError> err(int code, String location, String text) {
        return Optional.of(IntakeError.error(code, location, text));
    }
}
