package org.dxaflow.report.text;

import org.dxaflow.clinical.Sex;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Manufacturer;
import org.dxaflow.densitometry.Measurement;
import org.dxaflow.densitometry.PriorScan;
import org.dxaflow.densitometry.Referral;
import org.dxaflow.densitometry.ScanInput;
import org.dxaflow.densitometry.Site;
import org.dxaflow.report.Amendment;
import org.dxaflow.report.ReportDocument;
import org.dxaflow.report.ReportExamples;
import org.dxaflow.report.ReportStatus;
import org.dxaflow.report.ReportText;
import org.dxaflow.report.Reporter;
import org.dxaflow.report.Verification;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The worked examples of the report's wording, each a real computation with the shipped conf
 * (NHANES III femur reference: femoral neck 0.858 ± 0.120, total hip 0.942 ± 0.122 g/cm², Hologic;
 * no spine reference, so spine scores are the scanner's). The arithmetic is in each javadoc so the
 * expected words follow from the rules, not from the code under test.
 */
public final class WordingExamples {

    public static final Path CONF = Path.of("conf");
    static final LocalDate SCAN = ReportExamples.SCAN;
    /** 71 at the scan. */
    static final LocalDate BORN_1955 = LocalDate.of(1955, 3, 12);
    /** 45 at the scan. */
    static final LocalDate BORN_1981 = LocalDate.of(1981, 6, 1);
    /** 50 at the scan: under the 55 from which conf/clinical/menopausal-status.yaml infers the menopause. */
    static final LocalDate BORN_1976 = LocalDate.of(1976, 4, 2);

    private WordingExamples() {
    }

    /** FN 0.850: (0.850 − 0.858)/0.120 = −0.07 → −0.1; TH 0.950: +0.07 → 0.1. Lowest −0.1 ≥ −1.0 → normal. */
    public static ReportDocument normal() {
        return woman(true, false, null, fn("0.850"), th("0.950"));
    }

    /**
     * FN 0.700: −1.32 → −1.3; TH 0.850: −0.75 → −0.8. Lowest −1.3, between −1.0 and −2.5 → osteopenia.
     * Referral FRAX: major osteoporotic 14 %, hip 3.2 %, NOGG amber.
     */
    public static ReportDocument osteopenia() {
        return woman(true, false, new Referral(new BigDecimal("14"), new BigDecimal("3.2"), "AMBER"),
                fn("0.700"), th("0.850"));
    }

    /** FN 0.530: −2.73 → −2.7; TH 0.700: −1.98 → −2.0. Lowest −2.7 ≤ −2.5 → osteoporosis. */
    public static ReportDocument osteoporosis() {
        return woman(true, false, null, fn("0.530"), th("0.700"));
    }

    /** As {@link #osteoporosis()} with a fragility fracture → severe (established) osteoporosis. */
    public static ReportDocument severe() {
        return woman(true, true, null, fn("0.530"), th("0.700"));
    }

    /** Man, 45: WHO does not apply; scanner Z-scores FN −0.6, L1-L4 −0.8 → within the expected range. */
    public static ReportDocument underFifty() {
        ScanInput in = new ScanInput(Sex.M, BORN_1981, SCAN, Manufacturer.HOLOGIC, null, false, false,
                List.of(fn("0.780").withVendorScores(null, "-0.6"),
                        Measurement.of(Site.L1_L4, null, "0.950").withVendorScores("-0.9", "-0.8")),
                null, null);
        return ReportExamples.document(Sex.M, BORN_1981, ReportExamples.compute(in));
    }

    /** Man, 45: scanner Z-scores FN −2.3, TH −1.9: lowest −2.3 ≤ −2.0 → below the expected range for age. */
    public static ReportDocument underFiftyLowZ() {
        ScanInput in = new ScanInput(Sex.M, BORN_1981, SCAN, Manufacturer.HOLOGIC, null, false, false,
                List.of(fn("0.560").withVendorScores(null, "-2.3"), th("0.700").withVendorScores(null, "-1.9")),
                null, null);
        return ReportExamples.document(Sex.M, BORN_1981, ReportExamples.compute(in));
    }

    /** Woman, 50, menopausal status not stated: under 55, so UNKNOWN: no category, reporter decides. */
    public static ReportDocument menopausalStatusNotStated() {
        ScanInput in = new ScanInput(Sex.F, BORN_1976, SCAN, Manufacturer.HOLOGIC, null, false, false,
                List.of(fn("0.700")), null, null);
        return ReportExamples.document(Sex.F, BORN_1976, ReportExamples.compute(in));
    }

    /**
     * Scanner T: L1 −1.0, L2 −2.2, L3 −2.3, L4 −2.4: L1 is more than 1.0 above L2 → L1 proposed for
     * exclusion (ISCD), spine L2-L4 with the scanner's L2-L4 T −2.3; FN −1.3 → osteopenia.
     */
    public static ReportDocument excludedVertebra() {
        return woman(true, false, null,
                vertebra(Site.L1, "1.000", "-1.0", "12.00", "12.00"),
                vertebra(Site.L2, "0.846", "-2.2", "11.00", "13.00"),
                vertebra(Site.L3, "0.857", "-2.3", "12.00", "14.00"),
                vertebra(Site.L4, "0.900", "-2.4", "13.50", "15.00"),
                Measurement.of(Site.L2_L4, null, "0.869").withVendorScores("-2.3", null),
                Measurement.of(Site.L1_L4, null, "0.897").withVendorScores("-2.0", null),
                fn("0.700"));
    }

    /**
     * FN 0.600 (−2.15 → −2.2) against 0.650 two years before: −0.050 g/cm² (−7.7 %), at least the
     * default LSC 0.035 → significant loss. TH 0.700 (−2.0) against 0.705: −0.005, below the LSC 0.025
     * → not significant. Spine L1-L4 0.800, scanner T −2.1, against 0.810: −0.010 < 0.030 → not
     * significant. Lowest −2.2 → osteopenia.
     */
    public static ReportDocument significantLoss() {
        ScanInput in = new ScanInput(Sex.F, BORN_1955, SCAN, Manufacturer.HOLOGIC, true, false, false,
                List.of(fn("0.600"), th("0.700"), Measurement.of(Site.L1_L4, null, "0.800").withVendorScores("-2.1", null)),
                new PriorScan(SCAN.minusYears(2), Manufacturer.HOLOGIC, List.of(
                        fn("0.650"), th("0.705"), Measurement.of(Site.L1_L4, null, "0.810"))),
                null);
        return ReportExamples.document(Sex.F, BORN_1955, ReportExamples.compute(in));
    }

    /** A document verified by Dr Ada Lovelace (ReportExamples.verified) with the text rendered. */
    public static ReportDocument verified(ReportDocument doc, ReportWording wording) {
        ReportDocument v = ReportExamples.verified(doc);
        return v.withText(wording.render(v));
    }

    /** The example, amended by its reporter. */
    public static ReportDocument amended(ReportDocument verified, String reason, String text) {
        Reporter reporter = new Reporter("rep1", "Dr Ada Lovelace", "Consultant radiologist", "GMC 7000001");
        return new ReportDocument(verified.reportId(), verified.version() + 1, ReportStatus.AMENDED,
                verified.order(), verified.scan(), verified.result(), ReportText.EMPTY,
                new Verification(reporter, Instant.parse("2026-11-29T09:00:00Z")), verified.addendum(),
                new Amendment(reason, text), null, verified.uids(), Instant.parse("2026-11-29T09:00:00Z"));
    }

    /** A reporter's own report: the engine computed no result. */
    public static ReportDocument reporterOnly(String text) {
        ReportDocument d = normal();
        return new ReportDocument(d.reportId(), 2, ReportStatus.FINAL, d.order(), d.scan(), null, ReportText.EMPTY,
                new Verification(new Reporter("rep1", "Dr Ada Lovelace", "Consultant radiologist", ""),
                        Instant.parse("2026-11-28T11:15:00Z")), null, null, text, d.uids(), d.createdAt());
    }

    static ReportDocument woman(boolean postmenopausal, boolean fracture, Referral referral, Measurement... m) {
        ScanInput in = new ScanInput(Sex.F, BORN_1955, SCAN, Manufacturer.HOLOGIC, postmenopausal, fracture, false,
                List.of(m), null, referral);
        return ReportExamples.document(Sex.F, BORN_1955, ReportExamples.compute(in));
    }

    static Measurement fn(String bmd) {
        return Measurement.of(Site.FEMORAL_NECK, Laterality.LEFT, bmd);
    }

    static Measurement th(String bmd) {
        return Measurement.of(Site.TOTAL_HIP, Laterality.LEFT, bmd);
    }

    static Measurement vertebra(Site v, String bmd, String vendorT, String bmc, String area) {
        return Measurement.of(v, null, bmd).withVendorScores(vendorT, null).withBmcArea(bmc, area);
    }
}
