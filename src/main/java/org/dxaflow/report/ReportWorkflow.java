package org.dxaflow.report;

import org.dxaflow.order.Order;
import org.dxaflow.orderbook.OrderEvent;
import org.dxaflow.orderbook.OrderStore;
import org.dxaflow.orderbook.StatusChange;
import org.dxaflow.orderbook.StatusChanges;
import org.dxaflow.results.ResultFiling;
import org.dxaflow.results.ResultStatus;
import org.dxaflow.results.ResultStore.StoredResult;
import org.dxaflow.store.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The verification workflow. A result filed for an order is owed a report: a computed one the
 * engine may send as a preliminary (NEW), anything else waits for a reporter (AWAITING_REPORT, with
 * the result's reasons). A reporter verifies (FINAL) and amends (AMENDED); each makes a new version,
 * and each version is queued to every destination in the same transaction.
 */
public final class ReportWorkflow implements ResultFiling.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(ReportWorkflow.class);

    private final Jdbc jdbc;
    private final ReportStore reports;
    private final DeliveryStore deliveries;
    private final ReportComposer composer;
    private final ReportSettings settings;
    private final OrderStore orders;
    private final StatusChanges statuses;
    private final Clock clock;

    public ReportWorkflow(Jdbc jdbc, ReportStore reports, DeliveryStore deliveries, ReportComposer composer,
                          ReportSettings settings, OrderStore orders, StatusChanges statuses, Clock clock) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.deliveries = deliveries;
        this.composer = composer;
        this.settings = settings;
        this.orders = orders;
        this.statuses = statuses;
        this.clock = clock;
    }

    @Override
    public void filed(Connection c, StoredResult result, boolean filedAgain, Instant now) throws SQLException {
        var existing = reports.byResult(c, result.id());
        boolean owed = result.orderId() != null
                && (result.status() == ResultStatus.COMPUTED || result.status() == ResultStatus.NOT_COMPUTED);
        if (existing.isEmpty()) {
            if (owed) {
                reports.create(c, result.id(), result.orderId(), firstState(result), now);
            }
            return;
        }
        ReportStore.ReportRow report = existing.get();
        if (report.currentVersion() == 0 && owed) {
            reports.setState(c, report.id(), firstState(result), now);
        } else {
            // A report went out on the result as it was: a person compares the two; the engine never
            // reissues on its own.
            reports.setAttention(c, report.id(), "the result was filed again (" + result.status()
                    + ") after report version " + report.currentVersion() + ": check the report against it", now);
        }
    }

    private ReportState firstState(StoredResult result) {
        return result.status() == ResultStatus.COMPUTED && !result.needsReporterReview() && settings.autoPreliminary()
                ? ReportState.NEW : ReportState.AWAITING_REPORT;
    }

    /**
     * Composes the preliminary of each NEW report and queues it. A report that cannot be composed
     * (a template or data error) is handed to a reporter with the reason, never retried blindly.
     *
     * @return the ids of the reports composed
     */
    public List<Long> composeNew(int max) {
        List<Long> done = new ArrayList<>();
        for (ReportStore.ReportRow row : reports.withStatus(ReportState.NEW, max)) {
            try {
                boolean composed = jdbc.inTransaction(c -> {
                    ReportStore.ReportRow locked = reports.lock(c, row.id()).orElseThrow();
                    if (locked.status() != ReportState.NEW) {
                        return false;
                    }
                    addVersion(c, locked, null, ReportComposer.Draft.preliminary());
                    return true;
                });
                if (composed) {
                    done.add(row.id());
                }
            } catch (RuntimeException e) {
                LOG.warn("report {}: the preliminary could not be composed; held for a reporter: {}", row.id(),
                        e.toString());
                jdbc.inTransaction(c -> {
                    reports.setState(c, row.id(), ReportState.AWAITING_REPORT, clock.instant());
                    reports.setAttention(c, row.id(), "the preliminary could not be composed: " + e.getMessage(),
                            clock.instant());
                    return null;
                });
            }
        }
        return done;
    }

    /**
     * A reporter verifies the report: the FINAL version. For a report with no computed result the
     * reporter's own {@code text} is the report and is required.
     */
    public ReportDocument verify(long reportId, Reporter reporter, String addendum, String text) {
        requireReporter(reporter);
        return jdbc.inTransaction(c -> {
            ReportStore.ReportRow report = lockOrThrow(c, reportId);
            if (report.status().isVerified()) {
                throw new ReportConflictException("report " + reportId + " is already " + report.status()
                        + " (version " + report.currentVersion() + "); amend it instead");
            }
            ReportDocument previous = current(c, report);
            boolean computed = previous != null ? previous.result() != null : hasComputedResult(c, report);
            if (!computed && (text == null || text.isBlank())) {
                throw new ReportRequestException("text: the engine computed no result for report " + reportId
                        + "; the reporter's own report text is required");
            }
            Instant now = clock.instant();
            return addVersion(c, report, previous, new ReportComposer.Draft(ReportStatus.FINAL,
                    new Verification(reporter, now), addendum, null, text));
        });
    }

    /** A reporter corrects a verified report: the AMENDED version, which names the one it replaces. */
    public ReportDocument amend(long reportId, Reporter reporter, String reason, String text) {
        requireReporter(reporter);
        if (reason == null || reason.isBlank()) {
            throw new ReportRequestException("reason: an amendment must say why the report is corrected");
        }
        if (text == null || text.isBlank()) {
            throw new ReportRequestException("text: an amendment must give the corrected wording");
        }
        return jdbc.inTransaction(c -> {
            ReportStore.ReportRow report = lockOrThrow(c, reportId);
            if (!report.status().isVerified()) {
                throw new ReportConflictException("report " + reportId + " is " + report.status()
                        + ": only a verified report is amended; verify it");
            }
            ReportDocument previous = current(c, report);
            Instant now = clock.instant();
            return addVersion(c, report, previous, new ReportComposer.Draft(ReportStatus.AMENDED,
                    new Verification(reporter, now), null, new Amendment(reason.trim(), text.trim()),
                    previous.reporterText()));
        });
    }

    private ReportDocument addVersion(Connection c, ReportStore.ReportRow report, ReportDocument previous,
                                      ReportComposer.Draft draft) throws SQLException {
        Instant now = clock.instant();
        ReportComposer.Composed composed = composer.compose(c, report, previous, draft, now);
        ReportDocument doc = composed.document();
        reports.addVersion(c, doc, composed.pdf());
        for (Destination d : Destination.values()) {
            if (settings.destinations().contains(d)) {
                deliveries.create(c, doc.reportId(), doc.version(), d, controlId(doc, d), now);
            }
        }
        if (doc.status().isVerified() && !settings.destinations().contains(Destination.PACS)) {
            // No PACS to file it in: the verified version kept here is the clinical record, so the
            // order is reported now (with a PACS, ReportDelivery does this once the PACS has it).
            Order order = orders.get(c, doc.order().id()).orElseThrow();
            if (statuses.lifecycle().allows(order.status(), OrderEvent.FINAL_REPORT_DELIVERED)) {
                statuses.apply(c, order, OrderEvent.FINAL_REPORT_DELIVERED, new StatusChange.Reason("REPORT",
                        "Final report " + doc.businessId() + " v" + doc.version() + " verified (no PACS configured)"),
                        now);
            }
        }
        return doc;
    }

    /** MSH-10 and request id of a delivery: the same on every retry of it, unique per version and destination. */
    static String controlId(ReportDocument doc, Destination d) {
        return "DXR" + doc.reportId() + "V" + doc.version() + d.name().charAt(0) + d.ordinal();
    }

    private ReportStore.ReportRow lockOrThrow(Connection c, long reportId) throws SQLException {
        return reports.lock(c, reportId).orElseThrow(() -> new NoSuchReportException(reportId));
    }

    private ReportDocument current(Connection c, ReportStore.ReportRow report) throws SQLException {
        return report.currentVersion() == 0 ? null
                : reports.document(c, report.id(), report.currentVersion()).orElseThrow();
    }

    private static boolean hasComputedResult(Connection c, ReportStore.ReportRow report) throws SQLException {
        return Jdbc.queryOne(c, "SELECT status FROM dxa_result WHERE id = ?", rs -> rs.getString(1), report.resultId())
                .map(s -> s.equals(ResultStatus.COMPUTED.name())).orElse(false);
    }

    private static void requireReporter(Reporter reporter) {
        if (reporter == null || reporter.id().isEmpty() || reporter.name().isEmpty()) {
            throw new ReportRequestException("reporter: id and name are required");
        }
    }
}
