package org.dxaflow.report;

import java.util.List;
import java.util.Optional;

/**
 * The report's words, in reading order. Section keys: {@code technical} (technical validity),
 * {@code results} (the measurements in words), {@code interpretation} (the guide for a
 * non-specialist), {@code investigation} (flags for further investigation), {@code followUp},
 * {@code frax}, {@code reporterText} (what a reporter wrote), {@code addendum}, {@code amendment};
 * a section with nothing to say is left out. {@code conclusion} is the one-paragraph summary
 * (FHIR DiagnosticReport.conclusion, the SR's Impression).
 */
public record ReportText(List<ReportSection> sections, String conclusion) {

    public static final ReportText EMPTY = new ReportText(List.of(), "");

    public ReportText {
        sections = List.copyOf(sections);
        conclusion = conclusion == null ? "" : conclusion;
    }

    public Optional<ReportSection> section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** All sections as one plain text: headings, then their text, blank lines between. */
    public String plainText() {
        StringBuilder out = new StringBuilder();
        for (ReportSection s : sections) {
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append(s.heading()).append("\n").append(s.text());
        }
        if (!conclusion.isEmpty()) {
            out.append(out.length() > 0 ? "\n\n" : "").append("Conclusion\n").append(conclusion);
        }
        return out.toString();
    }
}
