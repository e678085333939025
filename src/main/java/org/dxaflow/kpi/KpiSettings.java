package org.dxaflow.kpi;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the KPIs need from configuration: the waiting-time target ({@code conf/appointments.yaml}
 * targetWeeksFromReferral, the seed's "generally six weeks or less"), the age bands of the WHO
 * category proportions ({@code conf/kpi.yaml}) and the service's time zone, in which every
 * timestamp becomes a day.
 *
 * @param targetWeeks        maximum wait from receipt of referral to scan, in weeks
 * @param ageBandLowerBounds ascending whole years; bands are {@code <b0}, {@code b0-(b1-1)}, ..., {@code bn+}
 * @param zone               the service's time zone
 */
public record KpiSettings(int targetWeeks, List<Integer> ageBandLowerBounds, ZoneId zone) {

    public KpiSettings {
        if (targetWeeks < 1) {
            throw new IllegalArgumentException("targetWeeks must be at least 1");
        }
        ageBandLowerBounds = List.copyOf(ageBandLowerBounds);
        for (int i = 0; i < ageBandLowerBounds.size(); i++) {
            if (ageBandLowerBounds.get(i) < 1 || i > 0 && ageBandLowerBounds.get(i) <= ageBandLowerBounds.get(i - 1)) {
                throw new IllegalArgumentException("age band bounds must be positive and ascending: " + ageBandLowerBounds);
            }
        }
        Objects.requireNonNull(zone, "zone");
    }

    /** The waiting-time target in days: a scan on the target date (received day + weeks) is within it. */
    public int targetDays() {
        return targetWeeks * 7;
    }

    /** The labels of the bands, youngest first. */
    public List<String> ageBands() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i <= ageBandLowerBounds.size(); i++) {
            out.add(band(i));
        }
        return out;
    }

    /** The band of an age in whole years. */
    public String ageBand(int years) {
        int i = 0;
        while (i < ageBandLowerBounds.size() && years >= ageBandLowerBounds.get(i)) {
            i++;
        }
        return band(i);
    }

    /** Age in whole years on a day (the birthday counts from the day itself). */
    public static int age(LocalDate birthDate, LocalDate on) {
        return Period.between(birthDate, on).getYears();
    }

    private String band(int i) {
        if (ageBandLowerBounds.isEmpty()) {
            return "ALL_AGES";
        }
        if (i == 0) {
            return "<" + ageBandLowerBounds.get(0);
        }
        if (i == ageBandLowerBounds.size()) {
            return ageBandLowerBounds.get(i - 1) + "+";
        }
        return ageBandLowerBounds.get(i - 1) + "-" + (ageBandLowerBounds.get(i) - 1);
    }
}
