package org.dxaflow.kpi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dxaflow.conf.ConfNode;
import org.dxaflow.conf.ConfProblems;
import org.dxaflow.conf.YamlFile;
import org.dxaflow.pathway.PathwaySettings;

/**
 * Reads {@code conf/kpi.yaml} with {@code file:line:column} errors like every conf file: no default
 * in code. The waiting-time target and the time zone come from {@code conf/appointments.yaml}
 * (already read into {@link PathwaySettings}): one fact, one place.
 */
public final class KpiSettingsLoader {

    public static final String FILE = "kpi.yaml";

    public KpiSettings load(Path file, PathwaySettings pathway) {
        ConfProblems problems = new ConfProblems();
        ConfNode root = YamlFile.read(file, problems);
        List<Integer> bounds = new ArrayList<>();
        // a missing key or a value that is not a list is reported by list() itself
        for (ConfNode item : root.list("ageBandLowerBounds")) {
            int years = item.integer(1, 130);
            if (years > 0 && !bounds.isEmpty() && years <= bounds.get(bounds.size() - 1)) {
                item.problem("the bounds must be in ascending order, each above the one before");
            }
            bounds.add(years);
        }
        root.finish();
        problems.throwIfAny();
        return new KpiSettings(pathway.targetWeeks(), bounds, pathway.zone());
    }
}
