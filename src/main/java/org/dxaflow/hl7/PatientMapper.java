package org.dxaflow.hl7;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dxaflow.order.Clinician;
import org.dxaflow.order.NhsNumber;
import org.dxaflow.order.PatientDemographics;
import org.dxaflow.order.PersonName;

/** Reads the patient from PID/PD1 through {@code mappings/hl7/patient.yaml}. */
public final class PatientMapper {

    static final Set<String> FIELDS = Set.of("nhsNumber", "mrn", "mrnAuthority", "familyName", "givenName",
            "middleName", "namePrefix", "birthDate", "sex", "gpCode", "gpFamilyName", "gpGivenName", "practiceCode");

    private final Map<String, List<FieldPath>> paths;

    public PatientMapper(Map<String, List<FieldPath>> paths) {
        this.paths = Map.copyOf(paths);
    }

    public static PatientMapper load(Path file) {
        return new PatientMapper(MappingFile.read(file, m -> m.paths("patient", FIELDS)));
    }

    public PatientDemographics map(List<Er7Message.Segment> segments) {
        return new PatientDemographics(
                get("mrn", segments),
                get("mrnAuthority", segments),
                NhsNumber.normalise(get("nhsNumber", segments)),
                new PersonName(get("familyName", segments), get("givenName", segments),
                        get("middleName", segments), get("namePrefix", segments)),
                Hl7Dates.date(get("birthDate", segments)),
                get("sex", segments),
                new Clinician(get("gpCode", segments),
                        new PersonName(get("gpFamilyName", segments), get("gpGivenName", segments), "", "")),
                get("practiceCode", segments));
    }

    /** The first path of a field, for naming it in an error. */
    public String location(String field) {
        List<FieldPath> p = paths.get(field);
        return p == null || p.isEmpty() ? "PID^1^3" : p.get(0).errorLocation();
    }

    String get(String field, List<Er7Message.Segment> segments) {
        return MappingFile.first(paths.get(field), segments);
    }

    /** HL7 DT/TS values to dates; an unreadable date is treated as absent, never guessed. */
    static final class Hl7Dates {
        private Hl7Dates() {
        }

        static LocalDate date(String ts) {
            if (ts == null || ts.length() < 8) {
                return null;
            }
            try {
                return LocalDate.parse(ts.substring(0, 4) + "-" + ts.substring(4, 6) + "-" + ts.substring(6, 8));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
