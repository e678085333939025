package org.dxaflow.report.dicom;

import org.dxaflow.densitometry.DensitometryResult;
import org.dxaflow.densitometry.WhoCategory;
import org.dxaflow.order.Order;
import org.dxaflow.order.Patient;
import org.dxaflow.order.PatientDemographics;
import org.dxaflow.order.PersonName;
import org.dxaflow.report.ReportDocument;

/** Variants of {@code ReportExamples} documents for the DICOM writers' tests. */
final class ReportDicomFixtures {

    private ReportDicomFixtures() {
    }

    /** The same document with its result's WHO category set (as a reporter-confirmed result would have it). */
    static ReportDocument withWhoCategory(ReportDocument doc, WhoCategory category) {
        return withClassification(doc, category, null);
    }

    /** The same document with its result's category and Z-score statement as given. */
    static ReportDocument withClassification(ReportDocument doc, WhoCategory category, String zStatement) {
        DensitometryResult r = doc.result();
        DensitometryResult changed = new DensitometryResult(r.sites(), r.lowestTScore(), category,
                r.whoCategoryAllVertebrae(), zStatement, r.menopausalStatus(), r.spine(), r.vfa(), r.change(),
                r.needsReporterReview(), r.flags(), r.provenance());
        return new ReportDocument(doc.reportId(), doc.version(), doc.status(), doc.order(), doc.scan(), changed,
                doc.text(), doc.verification(), doc.addendum(), doc.amendment(), doc.reporterText(), doc.uids(),
                doc.createdAt());
    }

    /** The same document for a patient of another name (character set tests). */
    static ReportDocument withPatientName(ReportDocument doc, PersonName name) {
        Order o = doc.order();
        PatientDemographics d = o.patient().demographics();
        PatientDemographics renamed = new PatientDemographics(d.mrn(), d.mrnAuthority(), d.nhsNumber(), name,
                d.birthDate(), d.sex(), d.gp(), d.practiceCode());
        Order order = new Order(o.id(), o.placerOrderNumber(), o.placerApplication(), o.fillerOrderNumber(),
                o.accessionNumber(), o.status(), o.procedure(), o.referrer(), o.requestedDate(), o.referralDate(),
                o.priority(), o.clinicalInfo(), o.answers(), o.hl7Version(), o.receivedAt(), o.updatedAt(),
                new Patient(o.patient().id(), renamed));
        return new ReportDocument(doc.reportId(), doc.version(), doc.status(), order, doc.scan(), doc.result(),
                doc.text(), doc.verification(), doc.addendum(), doc.amendment(), doc.reporterText(), doc.uids(),
                doc.createdAt());
    }
}
