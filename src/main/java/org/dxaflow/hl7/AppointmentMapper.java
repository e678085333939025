package org.dxaflow.hl7;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dxaflow.order.AppointmentRequest;

/** Reads the appointment of an SIU message through {@code mappings/hl7/appointment.yaml}. */
public final class AppointmentMapper {

    static final Set<String> FIELDS = Set.of("placerOrderNumber", "fillerOrderNumber", "appointmentId", "start",
            "fillerStatus");

    private final Map<String, List<FieldPath>> paths;

    public AppointmentMapper(Map<String, List<FieldPath>> paths) {
        this.paths = Map.copyOf(paths);
    }

    public static AppointmentMapper load(Path file) {
        return new AppointmentMapper(MappingFile.read(file, m -> m.paths("appointment", FIELDS)));
    }

    public AppointmentRequest map(Er7Message message) {
        List<Er7Message.Segment> s = message.segments();
        return new AppointmentRequest(get("placerOrderNumber", s), get("fillerOrderNumber", s),
                get("appointmentId", s), Hl7Time.sentDate(get("start", s)), get("fillerStatus", s));
    }

    /** The first path of a field, for naming it in an error. */
    public String location(String field) {
        List<FieldPath> p = paths.get(field);
        return p == null || p.isEmpty() ? "SCH^1^26" : p.get(0).errorLocation();
    }

    private String get(String field, List<Er7Message.Segment> segments) {
        return MappingFile.first(paths.get(field), segments);
    }
}
