package org.dxaflow.report.text;

import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code conf/report/report.yaml} holds: the service header printed on the report, the section
 * headings, the service's time zone and the follow-up wording per result. Read by
 * {@link ReportConfLoader}; the clinical words themselves stay in the file (and its cited sources).
 *
 * @param followUp follow-up wording keyed by WHO category name, "zScore", "notClassified",
 *                 "significantLoss"
 * @param fraxToolUrl where a BMD-adjusted FRAX can be computed (conf/densitometry/settings.yaml,
 *                    one place for the whole engine)
 */
public record ReportConf(Service service, ZoneId timeZone, Map<String, String> headings,
                         Map<String, String> followUp, String fraxToolUrl) {

    /** The reporting service as printed at the top of the report. */
    public record Service(String name, String department, String address, String phone, String email) {
    }

    public ReportConf {
        headings = Collections.unmodifiableMap(new LinkedHashMap<>(headings));
        followUp = Collections.unmodifiableMap(new LinkedHashMap<>(followUp));
    }

    public String heading(String key) {
        return headings.getOrDefault(key, key);
    }

    public Optional<String> followUp(String key) {
        return Optional.ofNullable(followUp.get(key)).filter(s -> !s.isBlank());
    }
}
