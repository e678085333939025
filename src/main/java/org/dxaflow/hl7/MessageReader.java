package org.dxaflow.hl7;

import java.nio.file.Path;
import java.util.List;

/** Reads a raw message through every mapping file: header, patient, orders, merge identifiers. */
public final class MessageReader {

    private final SupportedMessages supported;
    private final PatientMapper patients;
    private final OrderMapper orders;
    private final MergeMapper merges;
    private final AppointmentMapper appointments;

    public MessageReader(SupportedMessages supported, PatientMapper patients, OrderMapper orders, MergeMapper merges,
            AppointmentMapper appointments) {
        this.supported = supported;
        this.patients = patients;
        this.orders = orders;
        this.merges = merges;
        this.appointments = appointments;
    }

    /**
     * Loads {@code inbound.yaml}, {@code patient.yaml}, {@code order.yaml}, {@code adt.yaml} and
     * {@code appointment.yaml}.
     */
    public static MessageReader fromMappings(Path mappingsDir) {
        Path hl7 = mappingsDir.resolve("hl7");
        return new MessageReader(
                SupportedMessages.load(hl7.resolve("inbound.yaml")),
                PatientMapper.load(hl7.resolve("patient.yaml")),
                OrderMapper.load(hl7.resolve("order.yaml")),
                MergeMapper.load(hl7.resolve("adt.yaml")),
                AppointmentMapper.load(hl7.resolve("appointment.yaml")));
    }

    public SupportedMessages supported() {
        return supported;
    }

    public PatientMapper patients() {
        return patients;
    }

    public OrderMapper orders() {
        return orders;
    }

    public AppointmentMapper appointments() {
        return appointments;
    }

    /** Maps a message whose type {@link SupportedMessages#check accepts}. */
    public MappedMessage read(Er7Message message, MessageHeader header) {
        String handler = supported.handlerFor(header);
        List<Er7Message.Segment> pid = message.all("PID");
        List<Er7Message.Segment> patientSegments = message.segments().stream()
                .filter(s -> s.name().equals("PID") || s.name().equals("PD1"))
                .toList();
        return new MappedMessage(
                header,
                handler,
                !pid.isEmpty(),
                patients.map(patientSegments),
                "order".equals(handler) ? orders.map(message) : List.of(),
                merges.map(message),
                "appointment".equals(handler) ? appointments.map(message) : null);
    }
}
