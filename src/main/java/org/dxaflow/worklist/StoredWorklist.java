package org.dxaflow.worklist;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.UidGenerator;
import org.dxaflow.order.ClinicalAnswer;
import org.dxaflow.order.CodedValue;
import org.dxaflow.order.PersonName;
import org.dxaflow.order.ReferralAnswers;
import org.dxaflow.order.ReferralQuestions;
import org.dxaflow.orderbook.OrderStore;
import org.dxaflow.orderbook.PatientStore;
import org.dxaflow.store.Jdbc;

/**
 * The worklist is the engine's own order book: every order in a worklist status (SCHEDULED once
 * justified) is one item. Accession number, patient ID and Scheduled Procedure Step Start Date
 * keys, the ones scanners query by, are pushed down into SQL; everything else is left to the
 * matcher. What SQL selects is always a superset of what the matcher accepts, so the pushed-down
 * keys only save work, they never change an answer.
 */
public final class StoredWorklist implements WorklistQuery {

    /** Site settings for the items: which statuses, which scanner AE, which coding scheme. */
    public record Settings(Set<String> statuses, String stationAeTitle, String issuerOfPatientId,
            String stepDescription) {
        public Settings {
            statuses = Set.copyOf(statuses);
        }
    }

    /** The protocol codes (ScheduledProtocolCodeSequence) decided for each order. */
    @FunctionalInterface
    public interface Protocols {
        Map<Long, List<CodedValue>> forOrders(Collection<Long> orderIds);
    }

    private final Jdbc jdbc;
    private final OrderStore orders;
    private final Protocols protocols;
    private final Settings settings;
    private final WorklistDataSet dataSets;
    private final UidGenerator uids;
    private final ReferralQuestions questions;
    private final WorklistIdentity identity;

    public StoredWorklist(Jdbc jdbc, OrderStore orders, Protocols protocols, Settings settings,
            WorklistDataSet dataSets, UidGenerator uids, ReferralQuestions questions) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.protocols = protocols;
        this.settings = settings;
        this.dataSets = dataSets;
        this.uids = uids;
        this.questions = questions;
        this.identity = new WorklistIdentity(dataSets, settings.issuerOfPatientId());
    }

    @Override
    public void candidates(Attributes keys, Consumer<Attributes> sink) {
        StringBuilder sql = new StringBuilder("SELECT o.id, o.accession_number, o.study_instance_uid,"
                + " o.procedure_code, o.procedure_text, o.procedure_scheme, o.referrer_family_name,"
                + " o.referrer_given_name, o.requested_date, o.answers_json, p.mrn, p.mrn_authority, p.nhs_number,"
                + " p.family_name, p.given_name, p.middle_name, p.name_prefix, p.birth_date, p.sex,"
                + " s.scheduled_date, s.scheduled_time"
                + " FROM dxa_order o JOIN patient p ON p.id = o.patient_id"
                + " LEFT JOIN order_schedule s ON s.order_id = o.id WHERE o.status IN (");
        List<Object> params = new ArrayList<>();
        for (String s : settings.statuses()) {
            sql.append(params.isEmpty() ? "?" : ",?");
            params.add(s);
        }
        sql.append(')');
        exact(keys, Tag.AccessionNumber).ifPresent(v -> {
            sql.append(" AND o.accession_number = ?");
            params.add(v);
        });
        exact(keys, Tag.PatientID).ifPresent(v -> {
            sql.append(" AND (p.mrn = ? OR p.nhs_number = ?)");
            params.add(v);
            params.add(v);
        });
        startDateRange(keys).ifPresent(range -> {
            // An item's date is its scheduled step's date, or, before the order has a step, the
            // requested day (an unreadable requested date is no date: such an item has none).
            sql.append(" AND ((s.scheduled_date IS NOT NULL AND s.scheduled_date >= ?");
            params.add(range[0]);
            if (range[1] != null) {
                sql.append(" AND s.scheduled_date <= ?");
                params.add(range[1]);
            }
            sql.append(") OR (s.scheduled_date IS NULL AND o.requested_date >= ?");
            params.add(range[0]);
            if (range[1] != null) {
                sql.append(" AND o.requested_date <= ?");
                params.add(range[1]);
            }
            sql.append("))");
        });
        sql.append(" ORDER BY o.id");
        List<WorklistEntry> entries = jdbc.query(sql.toString(), this::entry, params.toArray());
        Map<Long, List<CodedValue>> decided = protocols.forOrders(entries.stream().map(WorklistEntry::orderId).toList());
        for (WorklistEntry e : entries) {
            sink.accept(dataSets.toAttributes(e.withProtocol(decided.getOrDefault(e.orderId(), List.of()))));
        }
    }

    /**
     * The Scheduled Procedure Step Start Date key as an inclusive range (the upper end may be null =
     * open), when it is a single date or a date range the database can apply; empty otherwise
     * (universal, several values, unparsable, open lower end: left to the matcher, which then sees
     * every item).
     */
    static Optional<LocalDate[]> startDateRange(Attributes keys) {
        Attributes sps = keys.getItem(Tag.ScheduledProcedureStepSequence, 0);
        String[] values = sps == null ? new String[0] : sps.getStrings(Tag.ScheduledProcedureStepStartDate);
        if (values.length != 1) {
            return Optional.empty();
        }
        // As KeyMatcher reads a DA key: dots of the old ACR-NEMA form dropped, '-' makes a range.
        String v = values[0].trim().replace(".", "");
        if (v.isEmpty() || v.indexOf('*') >= 0 || v.indexOf('?') >= 0) {
            return Optional.empty();
        }
        int dash = v.indexOf('-');
        try {
            if (dash < 0) {
                LocalDate d = day(v);
                return Optional.of(new LocalDate[] {d, d});
            }
            String from = v.substring(0, dash).trim();
            String to = v.substring(dash + 1).trim();
            if (from.isEmpty()) {
                // "-D": KeyMatcher also lets items without a scheduled date through (an empty value
                // sorts before every date), which SQL on requested_date cannot express simply.
                return Optional.empty();
            }
            return Optional.of(new LocalDate[] {day(from), to.isEmpty() ? null : day(to)});
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static LocalDate day(String da) {
        if (da.length() != 8 || !da.chars().allMatch(Character::isDigit)) {
            throw new DateTimeParseException("not a DA value", da, 0);
        }
        return LocalDate.parse(da, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    }

    /** A key given as one value without wildcards can be matched by the database. */
    private static Optional<String> exact(Attributes keys, Tag tag) {
        String v = keys.getString(tag);
        if (v == null || v.isBlank() || v.contains("*") || v.contains("?") || keys.getStrings(tag).length > 1) {
            return Optional.empty();
        }
        return Optional.of(v.trim());
    }

    private WorklistEntry entry(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        String studyUid = rs.getString("study_instance_uid");
        if (studyUid == null || studyUid.isBlank()) {
            studyUid = assignStudyUid(id);
        }
        String accession = rs.getString("accession_number");
        ReferralAnswers answers = ReferralAnswers.read(answers(rs.getString("answers_json")), questions);
        // An unreadable weight or height is left off the item, as if not stated: the gate held the
        // referral for a practitioner over it, and the scanner's operator weighs and measures anyway.
        Double weight = answers.weightKg().map(BigDecimal::doubleValue).orElse(null);
        Double heightCm = answers.heightCm().map(BigDecimal::doubleValue).orElse(null);
        return new WorklistEntry(
                id,
                accession,
                identity.patientId(rs.getString("mrn"), rs.getString("nhs_number")),
                identity.issuerOfPatientId(rs.getString("mrn"), rs.getString("mrn_authority")),
                rs.getString("nhs_number"),
                new PersonName(rs.getString("family_name"), rs.getString("given_name"), rs.getString("middle_name"),
                        rs.getString("name_prefix")),
                Jdbc.date(rs, "birth_date"),
                PatientStore.sex(rs.getString("sex")),
                weight,
                heightCm == null ? null : heightCm / 100.0,
                new PersonName(rs.getString("referrer_family_name"), rs.getString("referrer_given_name"), "", ""),
                studyUid,
                accession,
                new CodedValue(rs.getString("procedure_code"), rs.getString("procedure_text"),
                        rs.getString("procedure_scheme")),
                settings.stationAeTitle(),
                scheduledDate(rs),
                rs.getObject("scheduled_time", LocalTime.class),
                "SPS" + id,
                settings.stepDescription(),
                List.of(),
                "SCHEDULED");
    }

    /** Unreadable answers only cost the item its weight and height, never its place on the worklist. */
    private List<ClinicalAnswer> answers(String json) {
        try {
            return orders.answers(json);
        } catch (IllegalStateException corrupt) {
            return List.of();
        }
    }

    /** Stable from the first time the order is offered to a scanner; a random UID, never derived. */
    private String assignStudyUid(long orderId) {
        String uid = uids.createUid();
        jdbc.update("UPDATE dxa_order SET study_instance_uid = ? WHERE id = ? AND study_instance_uid IS NULL",
                uid, orderId);
        return jdbc.queryOne("SELECT study_instance_uid FROM dxa_order WHERE id = ?", r -> r.getString(1), orderId)
                .orElse(uid);
    }

    /** The scheduled step's date; before the order has one, the day the referrer asked for. */
    private static LocalDate scheduledDate(ResultSet rs) throws SQLException {
        LocalDate scheduled = Jdbc.date(rs, "scheduled_date");
        return scheduled != null ? scheduled : Jdbc.date(rs, "requested_date");
    }
}
