package org.dxaflow.report;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dxaflow.clinical.Sex;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Manufacturer;
import org.dxaflow.densitometry.Measurement;
import org.dxaflow.densitometry.PriorScan;
import org.dxaflow.densitometry.ScanInput;
import org.dxaflow.densitometry.Site;

/**
 * Report versions for the ORU and FHIR channel tests, built on {@link ReportExamples} (real
 * computations with the shipped conf): a text full of HL7 delimiters, both femoral necks, the
 * verified and amended versions.
 */
public final class OutboundExamples {

    /** Every HL7 delimiter and a blank line: what the FT narrative must carry unchanged. */
    public static final String AWKWARD_TEXT = "Sites | L1-L4 ^ hips & more ~ see C:\\scans\\dxa.\nSecond line.";

    private OutboundExamples() {
    }

    public static ReportCodes codes() {
        return new ReportCodesLoader().load(Path.of("conf"));
    }

    /** The postmenopausal woman with a prior, preliminary, her text full of delimiters. */
    public static ReportDocument preliminary() {
        ReportDocument doc = ReportExamples.postmenopausalWithPrior();
        return doc.withText(new ReportText(List.of(
                new ReportSection("technical", "Technical validity", AWKWARD_TEXT),
                new ReportSection("interpretation", "Interpretation", "Bone density is low.\n\nTreat.")),
                "Osteoporosis at the femoral neck (T-score | lowest)."));
    }

    /** Both femoral necks, no spine, no prior: two regions sharing one LOINC code; osteopenia (T -2.1 at the left). */
    public static ReportDocument bothHips() {
        LocalDate birth = LocalDate.of(1950, 1, 20);
        ScanInput in = new ScanInput(Sex.F, birth, ReportExamples.SCAN, Manufacturer.HOLOGIC, true, false, false,
                List.of(Measurement.of(Site.FEMORAL_NECK, Laterality.LEFT, "0.612"),
                        Measurement.of(Site.FEMORAL_NECK, Laterality.RIGHT, "0.705")),
                (PriorScan) null, null);
        return ReportExamples.document(Sex.F, birth, ReportExamples.compute(in));
    }

    public static ReportDocument verified(ReportDocument preliminary) {
        return ReportExamples.verified(preliminary);
    }

    /** A correction of the verified version: version 3, AMENDED. */
    public static ReportDocument amended(ReportDocument verified) {
        Verification v = new Verification(verified.verification().reporter(), Instant.parse("2026-11-29T09:00:00Z"));
        return new ReportDocument(verified.reportId(), verified.version() + 1, ReportStatus.AMENDED, verified.order(),
                verified.scan(), verified.result(), verified.text(), v, verified.addendum(),
                new Amendment("typing error", "The spine was L1-L4."), null, verified.uids(), v.at());
    }
}
