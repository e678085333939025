package org.dxaflow.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The arithmetic of the KPIs, on whole days, the same on every database: the values are fetched and
 * summarised here rather than with SQL percentile functions, which H2 and PostgreSQL spell differently.
 */
final class KpiStats {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private KpiStats() {
    }

    /**
     * The median: the middle value of the sorted values, or the mean of the two middle values when
     * their number is even (so it may end in .5); one decimal. Null for no values.
     */
    static BigDecimal median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = sorted(values);
        int n = sorted.size();
        long sum = n % 2 == 1 ? 2 * sorted.get(n / 2) : sorted.get(n / 2 - 1) + sorted.get(n / 2);
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY);
    }

    /**
     * The p-th percentile by the nearest-rank method: the value at rank ceil(p/100 x n) of the n
     * values sorted ascending (rank 1 is the least). Always one of the values. Null for no values.
     */
    static Long nearestRank(List<Long> values, int p) {
        if (values.isEmpty()) {
            return null;
        }
        if (p < 1 || p > 100) {
            throw new IllegalArgumentException("percentile must be 1..100: " + p);
        }
        List<Long> sorted = sorted(values);
        int rank = (p * sorted.size() + 99) / 100;
        return sorted.get(rank - 1);
    }

    /** count / outOf x 100, one decimal, half up; null when outOf is 0. */
    static BigDecimal percent(long count, long outOf) {
        if (outOf == 0) {
            return null;
        }
        return BigDecimal.valueOf(count).multiply(HUNDRED).divide(BigDecimal.valueOf(outOf), 1, RoundingMode.HALF_UP);
    }

    static ServiceKpis.Durations durations(List<Long> days) {
        List<Long> sorted = sorted(days);
        return new ServiceKpis.Durations(sorted.size(), median(sorted), nearestRank(sorted, 90),
                sorted.isEmpty() ? null : sorted.get(0), sorted.isEmpty() ? null : sorted.get(sorted.size() - 1));
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }
}
