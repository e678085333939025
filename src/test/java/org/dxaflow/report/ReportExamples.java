package org.dxaflow.report;

import org.dxaflow.clinical.Sex;
import org.dxaflow.densitometry.DensitometryCalculator;
import org.dxaflow.densitometry.DensitometryConfig;
import org.dxaflow.densitometry.DensitometryResult;
import org.dxaflow.densitometry.DeviceIdentity;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Manufacturer;
import org.dxaflow.densitometry.Measurement;
import org.dxaflow.densitometry.PriorScan;
import org.dxaflow.densitometry.ScanInput;
import org.dxaflow.densitometry.Site;
import org.dxaflow.densitometry.conf.ReferenceDataLoader;
import org.dxaflow.order.Clinician;
import org.dxaflow.order.CodedValue;
import org.dxaflow.order.Order;
import org.dxaflow.order.OrderStatus;
import org.dxaflow.order.Patient;
import org.dxaflow.order.PatientDemographics;
import org.dxaflow.order.PersonName;
import org.dxaflow.order.SentDate;
import org.dxaflow.results.ScanDetails;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Report versions for renderer tests, each from a real computation with the shipped conf (so the
 * figures are the engine's, and the tests check the renderers carry them, not recompute them).
 */
public final class ReportExamples {

    public static final DensitometryConfig CONF = new ReferenceDataLoader().load(Path.of("conf"));
    public static final LocalDate SCAN = LocalDate.of(2026, 11, 28);
    public static final String STUDY = "1.2.826.0.1.3680043.10.543.1.100";
    public static final SopReference SCANNER_SR = new SopReference(STUDY, "1.2.826.0.1.3680043.10.543.1.101",
            "1.2.840.10008.5.1.4.1.1.88.33", "1.2.826.0.1.3680043.10.543.1.102");
    private static final Instant CREATED = Instant.parse("2026-11-28T10:15:00Z");

    private ReportExamples() {
    }

    /** Woman, 71, postmenopausal, Hologic: femoral neck 0.600, total hip 0.700, L1-L4 with a prior 2 years before. */
    public static ReportDocument postmenopausalWithPrior() {
        ScanInput in = new ScanInput(Sex.F, LocalDate.of(1955, 3, 12), SCAN, Manufacturer.HOLOGIC, true, false, false,
                List.of(Measurement.of(Site.FEMORAL_NECK, Laterality.LEFT, "0.600"),
                        Measurement.of(Site.TOTAL_HIP, Laterality.LEFT, "0.700"),
                        Measurement.of(Site.L1_L4, null, "0.800")),
                new PriorScan(SCAN.minusYears(2), Manufacturer.HOLOGIC, List.of(
                        Measurement.of(Site.FEMORAL_NECK, Laterality.LEFT, "0.650"),
                        Measurement.of(Site.TOTAL_HIP, Laterality.LEFT, "0.720"),
                        Measurement.of(Site.L1_L4, null, "0.810"))),
                null);
        return document(Sex.F, LocalDate.of(1955, 3, 12), compute(in));
    }

    /** Man, 45: an under-50, so the Z-score statement, not a WHO category. */
    public static ReportDocument underFifty() {
        LocalDate birth = LocalDate.of(1981, 6, 1);
        ScanInput in = new ScanInput(Sex.M, birth, SCAN, Manufacturer.HOLOGIC, null, false, false,
                List.of(Measurement.of(Site.FEMORAL_NECK, Laterality.LEFT, "0.700"),
                        Measurement.of(Site.L1_L4, null, "0.850")),
                null, null);
        return document(Sex.M, birth, compute(in));
    }

    public static DensitometryResult compute(ScanInput in) {
        return new DensitometryCalculator(CONF).compute(in);
    }

    public static ReportDocument document(Sex sex, LocalDate birth, DensitometryResult result) {
        PatientDemographics demographics = new PatientDemographics("H123456", "HOSP", "9434765919",
                new PersonName("SMITH", "Jane", "", "Mrs"), birth, sex,
                new Clinician("G1234567", new PersonName("JONES", "Alan", "", "Dr")), "A81001");
        Order order = new Order(42, "P-1001", "RIS", "F-1001", "DXA0000042", OrderStatus.COMPLETED,
                new CodedValue("DXA", "DXA bone densitometry", "99DXAFLOW"),
                new Clinician("C7654321", new PersonName("BROWN", "Sarah", "", "Dr")),
                SentDate.of(SCAN), SentDate.of(SCAN.minusWeeks(5)), "R", "Fracture risk assessment", List.of(), "2.5.1",
                CREATED.minusSeconds(86_400L * 35), CREATED, new Patient(7, demographics));
        ScanDetails details = new ScanDetails(SCAN, "Hologic", Manufacturer.HOLOGIC, "Horizon A", "13.6.0.5",
                "NHANES III", new BigDecimal("162"), new BigDecimal("61"), "200123", "DXA1");
        ReportScan scan = new ReportScan(STUDY, STUDY, SCANNER_SR, SCAN, details, 9);
        ReportUids uids = new ReportUids(STUDY, "1.2.826.0.1.3680043.10.543.2.1", "1.2.826.0.1.3680043.10.543.2.2",
                "1.2.826.0.1.3680043.10.543.2.3", "1.2.826.0.1.3680043.10.543.2.4", null);
        return new ReportDocument(5, 1, ReportStatus.PRELIMINARY, order, scan, result,
                new ReportText(List.of(
                        new ReportSection("technical", "Technical validity", "All sites evaluable."),
                        new ReportSection("interpretation", "Interpretation", "Bone density is low.")),
                        "Osteoporosis at the femoral neck."),
                null, null, null, null, uids, CREATED);
    }

    /** The same version, verified by a reporter: FINAL, version 2, a new SR replacing the first. */
    public static ReportDocument verified(ReportDocument preliminary) {
        Reporter reporter = new Reporter("rep1", "Dr Ada Lovelace", "Consultant radiologist", "GMC 7000001");
        ReportUids first = preliminary.uids();
        ReportUids uids = new ReportUids(first.studyInstanceUid(), first.srSeriesUid(), first.srInstanceUid() + ".2",
                first.pdfSeriesUid(), first.pdfInstanceUid() + ".2",
                new SopReference(first.studyInstanceUid(), first.srSeriesUid(), "1.2.840.10008.5.1.4.1.1.88.33",
                        first.srInstanceUid()));
        return new ReportDocument(preliminary.reportId(), preliminary.version() + 1, ReportStatus.FINAL,
                preliminary.order(), preliminary.scan(), preliminary.result(), preliminary.text(),
                new Verification(reporter, CREATED.plusSeconds(3600)), "Reviewed with the images.", null, null, uids,
                CREATED.plusSeconds(3600));
    }

    static DeviceIdentity device() {
        return new DeviceIdentity("Hologic", "Horizon A", "200123", "DXA1");
    }
}
