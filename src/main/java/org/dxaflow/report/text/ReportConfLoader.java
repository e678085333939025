package org.dxaflow.report.text;

import org.dxaflow.conf.ConfNode;
import org.dxaflow.conf.ConfProblems;
import org.dxaflow.conf.YamlFile;
import org.dxaflow.densitometry.WhoCategory;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code conf/report/report.yaml} (and the FRAX tool address from
 * {@code conf/densitometry/settings.yaml}). Every heading and every follow-up key must be present: a
 * gap would print a report without a heading or a suggested interval, so it stops start-up with
 * {@code file:line:column}.
 */
public final class ReportConfLoader {

    public static final String FILE = "report/report.yaml";
    static final String SETTINGS = "densitometry/settings.yaml";

    /** The section keys of {@link org.dxaflow.report.ReportText}, in reading order. */
    public static final List<String> SECTIONS = List.of("technical", "results", "interpretation", "investigation",
            "followUp", "frax", "reporterText", "addendum", "amendment");

    static final List<String> FOLLOW_UP_EXTRA = List.of("zScore", "notClassified", "significantLoss");

    public ReportConf load(Path confDir) {
        ConfProblems problems = new ConfProblems();
        ConfNode root = YamlFile.read(confDir.resolve(FILE), problems);
        if (!"report".equals(root.text("kind"))) {
            root.problem("kind", "must be 'report'");
        }
        ConfNode s = root.map("service");
        ReportConf.Service service = new ReportConf.Service(s.nonBlank("name"), s.optionalText("department").orElse(""),
                s.optionalText("address").orElse(""), s.optionalText("phone").orElse(""),
                s.optionalText("email").orElse(""));
        s.finish();
        String zone = root.nonBlank("timeZone");
        ZoneId timeZone = ZoneId.of("UTC");
        try {
            if (zone != null && !zone.isBlank()) {
                timeZone = ZoneId.of(zone);
            }
        } catch (DateTimeException e) {
            root.problem("timeZone", "not a time zone: " + zone);
        }
        Map<String, String> headings = new LinkedHashMap<>();
        ConfNode h = root.map("headings");
        for (String key : SECTIONS) {
            headings.put(key, h.nonBlank(key));
        }
        h.finish();
        Map<String, String> followUp = new LinkedHashMap<>();
        ConfNode f = root.map("followUp");
        for (WhoCategory c : WhoCategory.values()) {
            followUp.put(c.name(), f.nonBlank(c.name()));
        }
        for (String key : FOLLOW_UP_EXTRA) {
            followUp.put(key, f.nonBlank(key));
        }
        f.finish();
        root.finish();

        ConfNode settings = YamlFile.read(confDir.resolve(SETTINGS), problems);
        String frax = settings.nonBlank("fraxToolUrl");
        problems.throwIfAny();
        return new ReportConf(service, timeZone, headings, followUp, frax);
    }
}
