package org.dxaflow.report;

/**
 * One section of the report's wording, rendered from its template under {@code conf/report/}.
 *
 * @param key     what the section is, for the channels that code it (see {@link ReportText})
 * @param heading as printed
 * @param text    plain text; paragraphs separated by a blank line
 */
public record ReportSection(String key, String heading, String text) {
}
