package org.dxaflow.report;

import org.dxaflow.densitometry.DensitometryResult;
import org.dxaflow.order.Order;

import java.time.Instant;

/**
 * One version of a report, complete: everything each channel (SR, PDF, ORU, FHIR) renders, and
 * nothing any of them has to look up. Versions are never changed once made; a verification or an
 * amendment makes the next version.
 *
 * @param version       1 for the first version, then 2, 3, ...
 * @param order         the order with its patient, as the order book holds them
 * @param result        the stored densitometry; null when the engine could not compute one
 *                      (a reporter wrote the report: {@code reporterText})
 * @param verification  null while PRELIMINARY
 * @param addendum      the reporter's addendum at verification, or null
 * @param amendment     why and how a final was corrected (AMENDED only), or null
 * @param reporterText  what the reporter wrote for a result the engine did not compute, or null
 */
public record ReportDocument(
        long reportId,
        int version,
        ReportStatus status,
        Order order,
        ReportScan scan,
        DensitometryResult result,
        ReportText text,
        Verification verification,
        String addendum,
        Amendment amendment,
        String reporterText,
        ReportUids uids,
        Instant createdAt) {

    public ReportDocument withText(ReportText newText) {
        return new ReportDocument(reportId, version, status, order, scan, result, newText, verification, addendum,
                amendment, reporterText, uids, createdAt);
    }

    /** The identifier a receiver keys this report on across versions: "DXA-REPORT-" + id. */
    public String businessId() {
        return "DXA-REPORT-" + reportId;
    }
}
