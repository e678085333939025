package org.dxaflow.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The service KPIs of one period, the seed's "Monitoring and reporting service data" (see
 * {@link KpiQueries} for what each figure counts and which date puts an item in the period).
 * Percentages have one decimal (half up) and are {@code null} when nothing was counted; medians and
 * 90th percentiles are {@code null} when there is nothing to take them of.
 *
 * @param from first day of the period, inclusive (the service's time zone)
 * @param to   last day of the period, inclusive
 */
public record ServiceKpis(
        LocalDate from,
        LocalDate to,
        Referrals referrals,
        WaitingTimes waitingTimes,
        Rate dnaRate,
        Rate cancellationRate,
        Durations reportTurnaround,
        WhoCategories whoCategories,
        BigDecimal onwardReferralPercent,
        OnwardReferral onwardReferral,
        Durations rescanIntervals) {

    public ServiceKpis {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(referrals, "referrals");
        Objects.requireNonNull(waitingTimes, "waitingTimes");
        Objects.requireNonNull(dnaRate, "dnaRate");
        Objects.requireNonNull(cancellationRate, "cancellationRate");
        Objects.requireNonNull(reportTurnaround, "reportTurnaround");
        Objects.requireNonNull(whoCategories, "whoCategories");
        Objects.requireNonNull(onwardReferral, "onwardReferral");
        Objects.requireNonNull(rescanIntervals, "rescanIntervals");
    }

    /** Seed: "referral data (number of referrals, referral indication, source of referral)". */
    public record Referrals(long total, Map<String, Long> byIndication, Sources bySource, Returned returned) {
        public Referrals {
            byIndication = ordered(byIndication);
            Objects.requireNonNull(bySource, "bySource");
            Objects.requireNonNull(returned, "returned");
        }
    }

    /** Source of referral: the patient's GP practice (PD1-3) and the referring clinician (ORC-12/OBR-16). */
    public record Sources(Map<String, Long> byPractice, Map<String, Long> byReferrer) {
        public Sources {
            byPractice = ordered(byPractice);
            byReferrer = ordered(byReferrer);
        }
    }

    /** Seed "Other documentation": "return of referral for reasons such as inadequate clinical information, ...". */
    public record Returned(long total, Map<String, Long> byReason) {
        public Returned {
            byReason = ordered(byReason);
        }
    }

    /**
     * Seed: "waiting times for scans"; target: "maximum waiting time from receipt of referral to
     * appointment, which is generally six weeks or less".
     *
     * @param targetDays          the target in days (conf/appointments.yaml targetWeeksFromReferral x 7)
     * @param withinTarget        scans at most targetDays after the referral was received
     * @param within6WeeksPercent withinTarget / scans x 100 (named for the seed's six weeks; the target is configured)
     */
    public record WaitingTimes(long scans, BigDecimal medianDays, Long p90Days, int targetDays, long withinTarget,
                               BigDecimal within6WeeksPercent) {
    }

    /** A rate: {@code count} of {@code outOf}, as a percentage. */
    public record Rate(long count, long outOf, BigDecimal percent) {
    }

    /** Whole-day intervals: how many, their median, nearest-rank 90th percentile, least and most. */
    public record Durations(long count, BigDecimal medianDays, Long p90Days, Long minDays, Long maxDays) {
    }

    /** Seed: "proportion of patients in WHO diagnostic categories", by sex and age band. */
    public record WhoCategories(long patients, List<String> categories, List<WhoGroup> groups) {
        public WhoCategories {
            categories = List.copyOf(categories);
            groups = List.copyOf(groups);
        }
    }

    /**
     * The patients of one sex and age band ({@code ALL} for either) and how many fell in each category.
     *
     * @param percent count / patients x 100 for each category
     */
    public record WhoGroup(String sex, String ageBand, long patients, Map<String, Long> counts,
                           Map<String, BigDecimal> percent) {
        public WhoGroup {
            Objects.requireNonNull(sex, "sex");
            Objects.requireNonNull(ageBand, "ageBand");
            counts = ordered(counts);
            percent = ordered(percent);
        }
    }

    /** Seed: "proportion of patients requiring onward referral". */
    public record OnwardReferral(long patients, long withFurtherInvestigation) {
    }

    /** Keeps the order given (the JSON and CSV are read in it); nulls kept as values (a percent of nothing). */
    static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
