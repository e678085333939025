package org.dxaflow.orderbook;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.dxaflow.clinical.Sex;
import org.dxaflow.order.Clinician;
import org.dxaflow.order.Patient;
import org.dxaflow.order.PatientDemographics;
import org.dxaflow.order.PersonName;
import org.dxaflow.store.Jdbc;

/**
 * Patients, found by local MRN first and NHS number second. A merged-away record keeps its row
 * (pointing at the survivor) so history still reads, but is never matched again.
 */
public final class PatientStore {

    static final String COLUMNS = "p.id AS p_id, p.mrn, p.mrn_authority, p.nhs_number, p.family_name, p.given_name,"
            + " p.middle_name, p.name_prefix, p.birth_date, p.sex, p.gp_code, p.gp_name, p.practice_code";

    public Optional<Patient> find(Connection c, String mrn, String nhsNumber) throws SQLException {
        if (mrn != null && !mrn.isEmpty()) {
            Optional<Patient> byMrn = Jdbc.queryOne(c, "SELECT " + COLUMNS
                    + " FROM patient p WHERE p.mrn = ? AND p.merged_into_id IS NULL ORDER BY p.id", PatientStore::map, mrn);
            if (byMrn.isPresent()) {
                return byMrn;
            }
        }
        if (nhsNumber != null && !nhsNumber.isEmpty()) {
            return Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM patient p WHERE p.nhs_number = ?"
                    + " AND p.merged_into_id IS NULL ORDER BY p.id", PatientStore::map, nhsNumber);
        }
        return Optional.empty();
    }

    /** The patient with these identifiers, created or brought up to date with the demographics given. */
    public Patient upsert(Connection c, PatientDemographics d, Instant now) throws SQLException {
        Optional<Patient> existing = find(c, d.mrn(), d.nhsNumber());
        if (existing.isPresent()) {
            long id = existing.get().id();
            update(c, id, merged(existing.get().demographics(), d), now);
            return new Patient(id, merged(existing.get().demographics(), d));
        }
        long id = Jdbc.insert(c, "INSERT INTO patient (mrn, mrn_authority, nhs_number, family_name, given_name,"
                        + " middle_name, name_prefix, birth_date, sex, gp_code, gp_name, practice_code, created_at,"
                        + " updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                nz(d.mrn()), nz(d.mrnAuthority()), nz(d.nhsNumber()), d.name().family(), d.name().given(),
                d.name().middle(), d.name().prefix(), d.birthDate(), d.sex(), d.gp().id(),
                d.gp().name().display(), nz(d.practiceCode()), now, now);
        return new Patient(id, d);
    }

    /** Moves every order of {@code retired} to {@code survivor} and marks the retired record merged. */
    public int merge(Connection c, long retired, long survivor, Instant now) throws SQLException {
        int moved = Jdbc.update(c, "UPDATE dxa_order SET patient_id = ?, updated_at = ? WHERE patient_id = ?",
                survivor, now, retired);
        Jdbc.update(c, "UPDATE patient SET merged_into_id = ?, updated_at = ? WHERE id = ?", survivor, now, retired);
        return moved;
    }

    private void update(Connection c, long id, PatientDemographics d, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE patient SET mrn = ?, mrn_authority = ?, nhs_number = ?, family_name = ?, given_name = ?,"
                        + " middle_name = ?, name_prefix = ?, birth_date = ?, sex = ?, gp_code = ?, gp_name = ?,"
                        + " practice_code = ?, updated_at = ? WHERE id = ?",
                nz(d.mrn()), nz(d.mrnAuthority()), nz(d.nhsNumber()), d.name().family(), d.name().given(),
                d.name().middle(), d.name().prefix(), d.birthDate(), d.sex(), d.gp().id(),
                d.gp().name().display(), nz(d.practiceCode()), now, id);
    }

    /** New values win; a field the new message leaves empty keeps what we had (HL7 "not present"). */
    static PatientDemographics merged(PatientDemographics old, PatientDemographics now) {
        PersonName name = now.name().isEmpty() ? old.name() : now.name();
        Clinician gp = now.gp().isIdentified() ? now.gp() : old.gp();
        return new PatientDemographics(
                pick(now.mrn(), old.mrn()), pick(now.mrnAuthority(), old.mrnAuthority()),
                pick(now.nhsNumber(), old.nhsNumber()), name,
                now.birthDate() != null ? now.birthDate() : old.birthDate(),
                now.sex() != null ? now.sex() : old.sex(), gp,
                pick(now.practiceCode(), old.practiceCode()));
    }

    static Patient map(ResultSet rs) throws SQLException {
        String gpName = rs.getString("gp_name");
        return new Patient(rs.getLong("p_id"), new PatientDemographics(
                rs.getString("mrn"), rs.getString("mrn_authority"), rs.getString("nhs_number"),
                new PersonName(rs.getString("family_name"), rs.getString("given_name"), rs.getString("middle_name"),
                        rs.getString("name_prefix")),
                Jdbc.date(rs, "birth_date"), sex(rs.getString("sex")),
                new Clinician(rs.getString("gp_code"), new PersonName(gpName, "", "", "")),
                rs.getString("practice_code")));
    }

    /** The sex column holds F, M or U as the HL7 mapper read it (V9 normalised older rows), or nothing. */
    public static Sex sex(String column) {
        return column == null || column.isEmpty() ? null : Sex.valueOf(column);
    }

    private static String pick(String preferred, String fallback) {
        return preferred != null && !preferred.isEmpty() ? preferred : fallback;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
