package org.dxaflow.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The KPIs as CSV (RFC 4180, CRLF line ends, UTF-8): one figure a row, in the columns
 * {@code kpi,group,key,value}. {@code kpi} names the figure as the JSON does (dotted path),
 * {@code group} and {@code key} narrow it (e.g. {@code whoCategories.count,F/50-64,OSTEOPOROSIS,3}),
 * an empty value is a figure that could not be computed (nothing counted).
 */
public final class KpiCsv {

    public static final String HEADER = "kpi,group,key,value";

    public String write(ServiceKpis k) {
        List<String[]> rows = new ArrayList<>();
        add(rows, "period.from", "", "", k.from());
        add(rows, "period.to", "", "", k.to());
        ServiceKpis.Referrals r = k.referrals();
        add(rows, "referrals.total", "", "", r.total());
        map(rows, "referrals.byIndication", "", r.byIndication());
        map(rows, "referrals.bySource.byPractice", "", r.bySource().byPractice());
        map(rows, "referrals.bySource.byReferrer", "", r.bySource().byReferrer());
        add(rows, "referrals.returned.total", "", "", r.returned().total());
        map(rows, "referrals.returned.byReason", "", r.returned().byReason());
        ServiceKpis.WaitingTimes w = k.waitingTimes();
        add(rows, "waitingTimes.scans", "", "", w.scans());
        add(rows, "waitingTimes.medianDays", "", "", w.medianDays());
        add(rows, "waitingTimes.p90Days", "", "", w.p90Days());
        add(rows, "waitingTimes.targetDays", "", "", w.targetDays());
        add(rows, "waitingTimes.withinTarget", "", "", w.withinTarget());
        add(rows, "waitingTimes.within6WeeksPercent", "", "", w.within6WeeksPercent());
        rate(rows, "dnaRate", k.dnaRate());
        rate(rows, "cancellationRate", k.cancellationRate());
        durations(rows, "reportTurnaround", k.reportTurnaround());
        add(rows, "whoCategories.patients", "", "", k.whoCategories().patients());
        for (ServiceKpis.WhoGroup g : k.whoCategories().groups()) {
            String group = g.sex() + "/" + g.ageBand();
            add(rows, "whoCategories.patients", group, "", g.patients());
            map(rows, "whoCategories.count", group, g.counts());
            map(rows, "whoCategories.percent", group, g.percent());
        }
        add(rows, "onwardReferralPercent", "", "", k.onwardReferralPercent());
        add(rows, "onwardReferral.patients", "", "", k.onwardReferral().patients());
        add(rows, "onwardReferral.withFurtherInvestigation", "", "", k.onwardReferral().withFurtherInvestigation());
        durations(rows, "rescanIntervals", k.rescanIntervals());

        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                out.append(i == 0 ? "" : ",").append(quote(row[i]));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static void rate(List<String[]> rows, String kpi, ServiceKpis.Rate rate) {
        add(rows, kpi + ".count", "", "", rate.count());
        add(rows, kpi + ".outOf", "", "", rate.outOf());
        add(rows, kpi + ".percent", "", "", rate.percent());
    }

    private static void durations(List<String[]> rows, String kpi, ServiceKpis.Durations d) {
        add(rows, kpi + ".count", "", "", d.count());
        add(rows, kpi + ".medianDays", "", "", d.medianDays());
        add(rows, kpi + ".p90Days", "", "", d.p90Days());
        add(rows, kpi + ".minDays", "", "", d.minDays());
        add(rows, kpi + ".maxDays", "", "", d.maxDays());
    }

    private static void map(List<String[]> rows, String kpi, String group, Map<String, ?> values) {
        values.forEach((key, value) -> add(rows, kpi, group, key, value));
    }

    private static void add(List<String[]> rows, String kpi, String group, String key, Object value) {
        rows.add(new String[] {kpi, group, key, value == null ? "" : value.toString()});
    }

    /** A field quoted when it holds a comma, a quote or a line end (codes from senders may). */
    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }
}
