package org.dxaflow.kpi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dxaflow.order.ClinicalAnswer;
import org.dxaflow.order.ReferralAnswers;
import org.dxaflow.order.ReferralQuestions;
import org.dxaflow.order.ReferralReason;
import org.dxaflow.store.Jdbc;

/**
 * The service KPIs of issue #12, the seed's "Monitoring and reporting service data", for the days
 * {@code from} to {@code to} inclusive. A timestamp is put on a day in the service's time zone
 * ({@code conf/appointments.yaml} timeZone); "in the period" means that day is from {@code from} to
 * {@code to}. Each figure, what it counts and which date puts an item in the period:
 *
 * <ul>
 * <li><b>referrals</b> ("number of referrals, referral indication, source of referral"): orders
 *     ({@code dxa_order}) whose <em>received time</em> ({@code received_at}, when the engine received
 *     the referral) is in the period. {@code byIndication}: the request form's "Reason for referral"
 *     (REFREASON answers, read through the referral-question mapping as every reader does); a
 *     referral with several reasons counts once under each, one with none under {@code NOT_STATED},
 *     a code the form does not define under {@code OTHER}. {@code bySource.byPractice}: the
 *     patient's GP practice code ({@code patient.practice_code}); {@code bySource.byReferrer}: the
 *     referring clinician's id ({@code dxa_order.referrer_id}); missing ones under {@code NOT_STATED}.
 *     {@code returned} ("return of referral for reasons such as inadequate clinical information,
 *     inappropriate indication, unsigned"): of those referrals, the ones with at least one RETURNED
 *     justification decision; {@code byReason} counts each returned referral once per reason code
 *     its RETURNED decisions give: for an automatic decision the check named at the start of each
 *     reason line (e.g. {@code REFERRER_IDENTIFIED}), the closing summary line aside; for a
 *     practitioner's, {@code PRACTITIONER_RETURN} (the comment is free text and is not aggregated).</li>
 * <li><b>waitingTimes</b> ("waiting times for scans"; target "from receipt of referral to
 *     appointment ... generally six weeks or less"): orders <em>scanned</em> in the period. The wait
 *     is the whole days from the day the referral was received ({@code dxa_order.received_at}, the
 *     same instant the order's target date is counted from; the referral date the referrer wrote,
 *     ORC-9, is not used: it is often missing or unreadable, and the seed's wait starts at
 *     "receipt") to the scan day: the day the scanner reported the scan started (MPPS IN PROGRESS,
 *     {@code order_schedule.scan_started_at}) or, without MPPS, the earliest scan date of a result
 *     matched to the order ({@code dxa_result.scan_date}). {@code withinTarget}: waits of at most
 *     {@code targetDays} (targetWeeksFromReferral x 7, so a scan on the target date is within).</li>
 * <li><b>dnaRate</b> ("DNA (did not attend) and cancellation rates"): missed appointments (SIU^S26:
 *     a change of an order's status to DNA, {@code order_status_change}, made in the period) out of
 *     missed appointments plus orders scanned in the period (the appointments that were due).</li>
 * <li><b>cancellationRate</b>: orders cancelled in the period (a change to CANCELLED made in the
 *     period: the RIS cancelled the order, ORC-1 CA, or its appointment, SIU^S15) out of cancelled
 *     plus missed plus scanned in the period (the orders that left or missed the list).</li>
 * <li><b>reportTurnaround</b> ("time to issue of report"): reports whose first FINAL version (a
 *     verified report, {@code report_version.created_at}) was made in the period; whole days from
 *     the scan day (the result's scan date, else the order's MPPS start day) to that day. The
 *     version's creation is the issue of the report: it is then queued to every destination, and
 *     a slow or failed PACS delivery is a transport matter the deliveries list shows.</li>
 * <li><b>whoCategories</b> ("proportion of patients in WHO diagnostic categories"): patients with a
 *     computed result ({@code dxa_result.status = COMPUTED}, matched to an order) scanned in the
 *     period ({@code scan_date}); each patient once, by the latest such scan (latest scan date, then
 *     the last filed). Category: the result's {@code whoCategory}, {@code UNDETERMINED} when the
 *     engine could not decide it safely. Sex as recorded (F, M; anything else U); age in whole years
 *     on the scan day, banded by {@code conf/kpi.yaml} ({@code AGE_UNKNOWN} without a birth date).</li>
 * <li><b>onwardReferralPercent</b> ("proportion of patients requiring onward referral"): of the
 *     same patients, those whose result carries a flag marked furtherInvestigation (the seed's
 *     "Further investigation" indications).</li>
 * <li><b>rescanIntervals</b>: computed results scanned in the period that follow an earlier
 *     computed result of the same patient ({@code prior_result_id}, the patient's previous computed
 *     scan); the whole days between the two scan dates.</li>
 * </ul>
 *
 * <p>Medians: the middle value, or the mean of the two middle values (one decimal). 90th
 * percentiles: nearest rank, the value at rank ceil(0.9 x n) of the n values sorted ascending.
 * Percentages: one decimal, half up; null when nothing was counted. No patient identifier leaves
 * this class; every figure is a count.
 */
public final class KpiQueries {

    public static final String NOT_STATED = "NOT_STATED";
    public static final String OTHER = "OTHER";
    public static final String UNDETERMINED = "UNDETERMINED";
    public static final String AGE_UNKNOWN = "AGE_UNKNOWN";
    public static final String ALL = "ALL";
    public static final String PRACTITIONER_RETURN = "PRACTITIONER_RETURN";
    public static final List<String> WHO_CATEGORIES =
            List.of("NORMAL", "OSTEOPENIA", "OSTEOPOROSIS", "SEVERE_OSTEOPOROSIS", UNDETERMINED);

    /** A reason line starts with the name of the check that gave it: "REFERRER_IDENTIFIED: ...". */
    private static final Pattern REASON_CODE = Pattern.compile("^([A-Z][A-Z0-9_]*):");

    private final Jdbc jdbc;
    private final ReferralQuestions questions;
    private final KpiSettings settings;
    private final ObjectMapper json;
    private final ObjectReader answersReader;

    public KpiQueries(Jdbc jdbc, ReferralQuestions questions, KpiSettings settings, ObjectMapper json) {
        this.jdbc = jdbc;
        this.questions = questions;
        this.settings = settings;
        this.json = json;
        this.answersReader = json.readerFor(new TypeReference<List<ClinicalAnswer>>() { });
    }

    public KpiSettings settings() {
        return settings;
    }

    public ServiceKpis compute(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        Instant start = from.atStartOfDay(settings.zone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(settings.zone()).toInstant();

        List<Long> waits = scans(from, to, start, end);
        long withinTarget = waits.stream().filter(d -> d <= settings.targetDays()).count();
        long scans = waits.size();
        ServiceKpis.WaitingTimes waiting = new ServiceKpis.WaitingTimes(scans, KpiStats.median(waits),
                KpiStats.nearestRank(waits, 90), settings.targetDays(), withinTarget,
                KpiStats.percent(withinTarget, scans));

        long dna = statusChanges("DNA", start, end);
        long cancelled = statusChanges("CANCELLED", start, end);
        ServiceKpis.Rate dnaRate = new ServiceKpis.Rate(dna, dna + scans, KpiStats.percent(dna, dna + scans));
        long left = cancelled + dna + scans;
        ServiceKpis.Rate cancellationRate = new ServiceKpis.Rate(cancelled, left, KpiStats.percent(cancelled, left));

        List<Scanned> patients = latestComputedPerPatient(from, to);
        long referred = patients.stream().filter(Scanned::furtherInvestigation).count();

        return new ServiceKpis(from, to, referrals(start, end), waiting, dnaRate, cancellationRate,
                KpiStats.durations(reportTurnaround(start, end)), whoCategories(patients),
                KpiStats.percent(referred, patients.size()),
                new ServiceKpis.OnwardReferral(patients.size(), referred),
                KpiStats.durations(rescanIntervals(from, to)));
    }

    // --- referrals ---------------------------------------------------------------------------

    private record ReferralRow(long orderId, String answersJson, String referrerId, String practiceCode) {
    }

    private ServiceKpis.Referrals referrals(Instant start, Instant end) {
        List<ReferralRow> rows = jdbc.query("SELECT o.id, o.answers_json, o.referrer_id, p.practice_code"
                        + " FROM dxa_order o JOIN patient p ON p.id = o.patient_id"
                        + " WHERE o.received_at >= ? AND o.received_at < ?",
                rs -> new ReferralRow(rs.getLong("id"), rs.getString("answers_json"), rs.getString("referrer_id"),
                        rs.getString("practice_code")), start, end);
        Map<String, Long> byIndication = new LinkedHashMap<>();
        for (ReferralReason reason : ReferralReason.values()) {
            byIndication.put(reason.name(), 0L);
        }
        byIndication.put(OTHER, 0L);
        byIndication.put(NOT_STATED, 0L);
        Map<String, Long> byPractice = new TreeMap<>();
        Map<String, Long> byReferrer = new TreeMap<>();
        for (ReferralRow row : rows) {
            for (String indication : indications(row.answersJson())) {
                byIndication.merge(indication, 1L, Long::sum);
            }
            byPractice.merge(orNotStated(row.practiceCode()), 1L, Long::sum);
            byReferrer.merge(orNotStated(row.referrerId()), 1L, Long::sum);
        }
        return new ServiceKpis.Referrals(rows.size(), byIndication, new ServiceKpis.Sources(byPractice, byReferrer),
                returned(start, end));
    }

    /** The referral's reasons, each once: the form's six, OTHER for any other code, NOT_STATED for none. */
    private Set<String> indications(String answersJson) {
        List<String> reasons = ReferralAnswers.read(answers(answersJson), questions).reasons();
        Set<String> out = new LinkedHashSet<>();
        for (String code : reasons) {
            out.add(ReferralReason.fromCode(code == null ? "" : code.trim()).map(Enum::name).orElse(OTHER));
        }
        if (out.isEmpty()) {
            out.add(NOT_STATED);
        }
        return out;
    }

    private List<ClinicalAnswer> answers(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return answersReader.readValue(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored referral answers are not valid JSON", e);
        }
    }

    private ServiceKpis.Returned returned(Instant start, Instant end) {
        Map<Long, Set<String>> reasonsByOrder = new LinkedHashMap<>();
        jdbc.query("SELECT d.order_id, d.decided_by_mode, d.decision_json FROM justification_decision d"
                        + " JOIN dxa_order o ON o.id = d.order_id"
                        + " WHERE d.outcome = 'RETURNED' AND o.received_at >= ? AND o.received_at < ?"
                        + " ORDER BY d.order_id, d.decision_seq",
                rs -> {
                    Set<String> codes = reasonsByOrder.computeIfAbsent(rs.getLong("order_id"),
                            id -> new LinkedHashSet<>());
                    codes.addAll(returnReasons(rs.getString("decided_by_mode"), rs.getString("decision_json")));
                    return null;
                }, start, end);
        Map<String, Long> byReason = new TreeMap<>();
        reasonsByOrder.values().forEach(codes -> codes.forEach(code -> byReason.merge(code, 1L, Long::sum)));
        return new ServiceKpis.Returned(reasonsByOrder.size(), byReason);
    }

    private Set<String> returnReasons(String mode, String decisionJson) {
        Set<String> codes = new LinkedHashSet<>();
        if ("PRACTITIONER".equals(mode)) {
            codes.add(PRACTITIONER_RETURN);
            return codes;
        }
        for (JsonNode line : tree(decisionJson).path("reasons")) {
            Matcher m = REASON_CODE.matcher(line.asText(""));
            String code = m.find() ? m.group(1) : OTHER;
            if (!code.equals("RETURNED")) {
                codes.add(code);
            }
        }
        if (codes.isEmpty()) {
            codes.add(NOT_STATED);
        }
        return codes;
    }

    // --- scans, DNA, cancellations ---------------------------------------------------------

    /** The wait in days of each order scanned in the period. */
    private List<Long> scans(LocalDate from, LocalDate to, Instant start, Instant end) {
        List<Long> waits = new ArrayList<>();
        jdbc.query("SELECT o.received_at, s.scan_started_at,"
                        + " (SELECT MIN(r.scan_date) FROM dxa_result r WHERE r.order_id = o.id) AS result_scan_date"
                        + " FROM dxa_order o LEFT JOIN order_schedule s ON s.order_id = o.id"
                        + " WHERE (s.scan_started_at >= ? AND s.scan_started_at < ?)"
                        + " OR (s.scan_started_at IS NULL AND EXISTS (SELECT 1 FROM dxa_result r2"
                        + " WHERE r2.order_id = o.id AND r2.scan_date >= ? AND r2.scan_date <= ?))",
                rs -> {
                    Instant started = Jdbc.instant(rs, "scan_started_at");
                    LocalDate scanDay = started != null ? day(started) : Jdbc.date(rs, "result_scan_date");
                    // the earliest result may predate the period although a later one is in it
                    if (!scanDay.isBefore(from) && !scanDay.isAfter(to)) {
                        waits.add(ChronoUnit.DAYS.between(day(Jdbc.instant(rs, "received_at")), scanDay));
                    }
                    return null;
                }, start, end, from, to);
        return waits;
    }

    private long statusChanges(String toStatus, Instant start, Instant end) {
        return jdbc.queryOne("SELECT COUNT(*) FROM order_status_change WHERE to_status = ?"
                + " AND changed_at >= ? AND changed_at < ?", rs -> rs.getLong(1), toStatus, start, end).orElse(0L);
    }

    // --- reports -----------------------------------------------------------------------------

    private List<Long> reportTurnaround(Instant start, Instant end) {
        List<Long> days = new ArrayList<>();
        jdbc.query("SELECT f.final_at, r.scan_date, s.scan_started_at FROM"
                        + " (SELECT report_id, MIN(created_at) AS final_at FROM report_version WHERE status = 'FINAL'"
                        + " GROUP BY report_id) f"
                        + " JOIN report rp ON rp.id = f.report_id JOIN dxa_result r ON r.id = rp.result_id"
                        + " LEFT JOIN order_schedule s ON s.order_id = rp.order_id"
                        + " WHERE f.final_at >= ? AND f.final_at < ?",
                rs -> {
                    LocalDate scanDay = Jdbc.date(rs, "scan_date");
                    Instant started = Jdbc.instant(rs, "scan_started_at");
                    if (scanDay == null && started != null) {
                        scanDay = day(started);
                    }
                    if (scanDay != null) {
                        days.add(ChronoUnit.DAYS.between(scanDay, day(Jdbc.instant(rs, "final_at"))));
                    }
                    return null;
                }, start, end);
        return days;
    }

    // --- clinical outcomes -------------------------------------------------------------------

    /** One patient's latest computed scan in the period: what the WHO and onward-referral figures count. */
    private record Scanned(String sex, String ageBand, String category, boolean furtherInvestigation) {
    }

    private List<Scanned> latestComputedPerPatient(LocalDate from, LocalDate to) {
        Map<Long, Scanned> byPatient = new HashMap<>();
        // ascending, so each patient's last row is the latest scan (then the last filed)
        jdbc.query("SELECT o.patient_id, p.sex, p.birth_date, r.scan_date, r.result_json"
                        + " FROM dxa_result r JOIN dxa_order o ON o.id = r.order_id JOIN patient p ON p.id = o.patient_id"
                        + " WHERE r.status = 'COMPUTED' AND r.scan_date >= ? AND r.scan_date <= ?"
                        + " ORDER BY r.scan_date, r.id",
                rs -> {
                    LocalDate scan = Jdbc.date(rs, "scan_date");
                    LocalDate birth = Jdbc.date(rs, "birth_date");
                    String sex = rs.getString("sex");
                    JsonNode result = tree(rs.getString("result_json"));
                    String category = result.path("whoCategory").isTextual()
                            && WHO_CATEGORIES.contains(result.path("whoCategory").asText())
                            ? result.path("whoCategory").asText() : UNDETERMINED;
                    boolean further = false;
                    for (JsonNode flag : result.path("flags")) {
                        further |= flag.path("furtherInvestigation").asBoolean(false);
                    }
                    byPatient.put(rs.getLong("patient_id"), new Scanned(
                            "F".equals(sex) || "M".equals(sex) ? sex : "U",
                            birth == null ? AGE_UNKNOWN : settings.ageBand(KpiSettings.age(birth, scan)),
                            category, further));
                    return null;
                }, from, to);
        return new ArrayList<>(byPatient.values());
    }

    private ServiceKpis.WhoCategories whoCategories(List<Scanned> patients) {
        List<String> sexes = new ArrayList<>(List.of("F", "M"));
        if (patients.stream().anyMatch(p -> p.sex().equals("U"))) {
            sexes.add("U");
        }
        List<String> bands = new ArrayList<>(settings.ageBands());
        if (patients.stream().anyMatch(p -> p.ageBand().equals(AGE_UNKNOWN))) {
            bands.add(AGE_UNKNOWN);
        }
        List<ServiceKpis.WhoGroup> groups = new ArrayList<>();
        groups.add(group(patients, ALL, ALL));
        sexes.forEach(sex -> groups.add(group(patients, sex, ALL)));
        bands.forEach(band -> groups.add(group(patients, ALL, band)));
        sexes.forEach(sex -> bands.forEach(band -> groups.add(group(patients, sex, band))));
        return new ServiceKpis.WhoCategories(patients.size(), WHO_CATEGORIES, groups);
    }

    private static ServiceKpis.WhoGroup group(List<Scanned> all, String sex, String band) {
        List<Scanned> in = all.stream().filter(p -> (sex.equals(ALL) || p.sex().equals(sex))
                && (band.equals(ALL) || p.ageBand().equals(band))).toList();
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, java.math.BigDecimal> percent = new LinkedHashMap<>();
        for (String category : WHO_CATEGORIES) {
            long n = in.stream().filter(p -> p.category().equals(category)).count();
            counts.put(category, n);
            percent.put(category, KpiStats.percent(n, in.size()));
        }
        return new ServiceKpis.WhoGroup(sex, band, in.size(), counts, percent);
    }

    private List<Long> rescanIntervals(LocalDate from, LocalDate to) {
        return jdbc.query("SELECT r.scan_date AS this_scan, pr.scan_date AS prior_scan FROM dxa_result r"
                        + " JOIN dxa_result pr ON pr.id = r.prior_result_id"
                        + " WHERE r.status = 'COMPUTED' AND r.scan_date >= ? AND r.scan_date <= ?"
                        + " AND pr.scan_date IS NOT NULL",
                rs -> ChronoUnit.DAYS.between(Jdbc.date(rs, "prior_scan"), Jdbc.date(rs, "this_scan")), from, to);
    }

    // --- helpers -----------------------------------------------------------------------------

    private LocalDate day(Instant instant) {
        return instant.atZone(settings.zone()).toLocalDate();
    }

    private static String orNotStated(String s) {
        return s == null || s.isBlank() ? NOT_STATED : s.trim();
    }

    private JsonNode tree(String text) {
        if (text == null || text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored decision or result is not valid JSON", e);
        }
    }
}
