package org.dxaflow.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dxaflow.densitometry.DensitometryResult;
import org.dxaflow.dicom.data.UidGenerator;
import org.dxaflow.order.Order;
import org.dxaflow.orderbook.OrderStore;
import org.dxaflow.results.ResultStatus;
import org.dxaflow.results.ResultStore;
import org.dxaflow.results.ResultStore.StoredResult;
import org.dxaflow.results.StoredObjectStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * Makes a report version from what the engine holds now: the order and patient, the stored result
 * and its densitometry, the scanner's SR, the worklist's study; then its words (templates under
 * {@code conf/report/}) and its PDF. The document is complete: no channel looks anything up.
 */
public final class ReportComposer {

    /** Comprehensive SR: the class of every report SR, so a predecessor reference names it. */
    static final String COMPREHENSIVE_SR = "1.2.840.10008.5.1.4.1.1.88.33";

    /** What a reporter adds to a version; all null for the automatic preliminary. */
    public record Draft(ReportStatus status, Verification verification, String addendum, Amendment amendment,
                        String reporterText) {
        public static Draft preliminary() {
            return new Draft(ReportStatus.PRELIMINARY, null, null, null, null);
        }
    }

    private final OrderStore orders;
    private final ResultStore results;
    private final StoredObjectStore storedObjects;
    private final ObjectMapper json;
    private final UidGenerator uids;
    private final Function<ReportDocument, ReportText> wording;
    private final Function<ReportDocument, byte[]> pdf;

    /**
     * @param wording renders the words of a document (ReportWording)
     * @param pdf     renders the PDF of a document with its words (ReportPdf)
     */
    public ReportComposer(OrderStore orders, ResultStore results, StoredObjectStore storedObjects, ObjectMapper json,
                          UidGenerator uids, Function<ReportDocument, ReportText> wording,
                          Function<ReportDocument, byte[]> pdf) {
        this.orders = orders;
        this.results = results;
        this.storedObjects = storedObjects;
        this.json = json;
        this.uids = uids;
        this.wording = wording;
        this.pdf = pdf;
    }

    /** A version with its PDF. */
    public record Composed(ReportDocument document, byte[] pdf) {
    }

    /**
     * The next version of {@code report}. {@code previous} is the version it follows (null for the
     * first): the study and series stay, the SR it replaces becomes the predecessor.
     */
    public Composed compose(Connection c, ReportStore.ReportRow report, ReportDocument previous, Draft draft,
                            Instant now) throws SQLException {
        Order order = orders.get(c, report.orderId()).orElseThrow(
                () -> new IllegalStateException("report " + report.id() + ": order " + report.orderId() + " is gone"));
        StoredResult result = results.get(c, report.resultId()).orElseThrow(
                () -> new IllegalStateException("report " + report.id() + ": result " + report.resultId() + " is gone"));
        DensitometryResult densitometry = densitometry(result);
        SopReference scannerSr = result.storedObjectId() == null ? null
                : storedObjects.reference(c, result.storedObjectId())
                        .map(r -> new SopReference(r.studyInstanceUid(), r.seriesInstanceUid(), r.sopClassUid(),
                                r.sopInstanceUid()))
                        .orElse(null);
        String scannerStudy = result.identifiers().studyInstanceUid();
        String study = previous != null ? previous.uids().studyInstanceUid()
                : orders.studyInstanceUid(c, order.id()).orElse(scannerStudy != null ? scannerStudy : uids.createUid());
        LocalDate scanDate = result.details() != null && result.details().scanDate() != null
                ? result.details().scanDate() : result.identifiers().scanDate();
        ReportScan scan = new ReportScan(study, scannerStudy, scannerSr, scanDate, result.details(), result.id());
        ReportUids ids = previous == null
                ? new ReportUids(study, uids.createUid(), uids.createUid(), uids.createUid(), uids.createUid(), null)
                : new ReportUids(study, previous.uids().srSeriesUid(), uids.createUid(), previous.uids().pdfSeriesUid(),
                        uids.createUid(), new SopReference(study, previous.uids().srSeriesUid(), COMPREHENSIVE_SR,
                                previous.uids().srInstanceUid()));
        int version = previous == null ? 1 : previous.version() + 1;
        ReportDocument doc = new ReportDocument(report.id(), version, draft.status(), order, scan, densitometry,
                ReportText.EMPTY, draft.verification(), blankToNull(draft.addendum()), draft.amendment(),
                blankToNull(draft.reporterText()), ids, now);
        doc = doc.withText(wording.apply(doc));
        return new Composed(doc, pdf.apply(doc));
    }

    private DensitometryResult densitometry(StoredResult result) {
        if (result.status() != ResultStatus.COMPUTED || result.resultJson() == null) {
            return null;
        }
        try {
            return json.readValue(result.resultJson(), DensitometryResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("result " + result.id() + " cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
