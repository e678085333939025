package org.dxaflow.hl7;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dxaflow.clinical.Sex;
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

    /** An unreadable birth date is absent, never guessed: the gate and the results step then hold the case. */
    public PatientDemographics map(List<Er7Message.Segment> segments) {
        return new PatientDemographics(
                get("mrn", segments),
                get("mrnAuthority", segments),
                NhsNumber.normalise(get("nhsNumber", segments)),
                new PersonName(get("familyName", segments), get("givenName", segments),
                        get("middleName", segments), get("namePrefix", segments)),
                Hl7Time.date(get("birthDate", segments)).orElse(null),
                sex(get("sex", segments)),
                new Clinician(get("gpCode", segments),
                        new PersonName(get("gpFamilyName", segments), get("gpGivenName", segments), "", "")),
                get("practiceCode", segments));
    }

    /**
     * PID-8 administrative sex (HL7 table 0001): F and M as such, in either case; any other code sent
     * (O, U, A, N, X, or one not in the table) is U; nothing sent is null, so a later message that
     * leaves PID-8 empty does not overwrite what an earlier one said.
     */
    static Sex sex(String pid8) {
        String code = pid8 == null ? "" : pid8.trim().toUpperCase(Locale.ROOT);
        return switch (code) {
            case "" -> null;
            case "F" -> Sex.F;
            case "M" -> Sex.M;
            default -> Sex.U;
        };
    }

    /** The first path of a field, for naming it in an error. */
    public String location(String field) {
        List<FieldPath> p = paths.get(field);
        return p == null || p.isEmpty() ? "PID^1^3" : p.get(0).errorLocation();
    }

    String get(String field, List<Er7Message.Segment> segments) {
        return MappingFile.first(paths.get(field), segments);
    }
}
