package org.dxaflow.report.text;

import org.dxaflow.densitometry.ChangeResult;
import org.dxaflow.densitometry.DensitometryResult;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.ScoreSource;
import org.dxaflow.densitometry.SiteResult;
import org.dxaflow.densitometry.SpineResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The result's figures as printed, shared by {@link ReportWording} and the PDF so that both show the
 * same values: the lumbar spine as the result assessed it (after any proposed exclusion), then the
 * other sites; single vertebrae are left to the technical section (they are not reported alone, ISCD).
 */
public final class ReportFacts {

    private ReportFacts() {
    }

    public static List<ResultRow> rows(DensitometryResult result) {
        List<ResultRow> rows = new ArrayList<>();
        if (result == null) {
            return rows;
        }
        List<ChangeRow> changes = changes(result);
        SpineResult spine = result.spine();
        if (spine != null) {
            rows.add(new ResultRow(spine.label(), SiteNames.name(spine.label()), "", plain(spine.bmd()),
                    plain(spine.tScore()), spine.tScoreSource() == ScoreSource.VENDOR, plain(spine.zScore()),
                    spine.zScoreSource() == ScoreSource.VENDOR, change(changes, spine.label(), null)));
        }
        for (SiteResult s : result.sites()) {
            if (s.site().isLumbar() && (spine != null || s.site().isSingleVertebra())) {
                continue;
            }
            boolean tScanner = s.tScore() == null && s.vendorTScore() != null;
            boolean zScanner = s.zScore() == null && s.vendorZScore() != null;
            rows.add(new ResultRow(s.site().externalName(), SiteNames.name(s.site()), SiteNames.side(s.laterality()),
                    plain(s.bmd()), plain(tScanner ? s.vendorTScore() : s.tScore()), tScanner,
                    plain(zScanner ? s.vendorZScore() : s.zScore()), zScanner,
                    change(changes, s.site().externalName(), s.laterality())));
        }
        return rows;
    }

    public static List<ChangeRow> changes(DensitometryResult result) {
        List<ChangeRow> out = new ArrayList<>();
        if (result == null) {
            return out;
        }
        for (ChangeResult c : result.change()) {
            String significance = c.significant() == null ? "no LSC"
                    : c.significant() ? "significant" : "not significant";
            boolean loss = c.deltaBmd() != null && c.deltaBmd().signum() < 0;
            out.add(new ChangeRow(c.site(), SiteNames.name(c.site()), SiteNames.side(c.laterality()),
                    plain(c.currentBmd()), plain(c.priorBmd()), signed(c.deltaBmd()), signed(c.percent()),
                    plain(c.lsc()), significance, Boolean.TRUE.equals(c.significant()), loss, c.comparable(),
                    c.lscIsDefault()));
        }
        return out;
    }

    private static Optional<ChangeRow> change(List<ChangeRow> changes, String site, Laterality side) {
        String sideName = SiteNames.side(side);
        return changes.stream().filter(c -> c.site().equals(site) && c.side().equals(sideName)).findFirst();
    }

    /** As stored: BigDecimal's own digits, so 0.600 stays 0.600 and -2.9 stays -2.9. */
    static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /** A change with its sign, "+0.012" or "-0.050": a reader must not have to guess the direction. */
    static String signed(BigDecimal value) {
        if (value == null) {
            return "";
        }
        return (value.signum() > 0 ? "+" : "") + value.toPlainString();
    }

}
