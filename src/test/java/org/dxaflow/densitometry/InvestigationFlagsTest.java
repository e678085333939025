package org.dxaflow.densitometry;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.dxaflow.densitometry.Fixtures.d;
import static org.dxaflow.densitometry.Fixtures.fn;
import static org.dxaflow.densitometry.Fixtures.th;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Flags: vendor disagreement (> 0.2), VFA fracture, site not evaluable, FRAX from the referral. */
class InvestigationFlagsTest {

    private final DensitometryCalculator calculator = Fixtures.calculator();

    private boolean disagreement(String bmd, String vendorT) {
        DensitometryResult r = calculator.compute(Fixtures.postmenopausal(fn(bmd).withVendorScores(vendorT, null)));
        return Fixtures.hasFlag(r, FlagCode.VENDOR_DISAGREEMENT);
    }

    @Test
    void vendorDisagreementOverPointTwoIsFlagged() {
        // engine T = (0.558 − 0.858) / 0.120 = −2.5 exactly
        assertTrue(disagreement("0.558", "-2.2"));   // |−2.5 − (−2.2)| = 0.3 > 0.2 -> flagged
        assertFalse(disagreement("0.558", "-2.3"));  // |−2.5 − (−2.3)| = 0.2, not over 0.2 -> not flagged
        assertFalse(disagreement("0.558", "-2.7"));  // 0.2 -> not flagged
        assertFalse(disagreement("0.558", "-2.5"));  // 0.0
        // engine exact T = (0.559 − 0.858) / 0.120 = −2.491666…; |−2.491666 − (−2.7)| = 0.208333 > 0.2 -> flagged
        // (full precision is compared, although both present as a 0.2 difference: −2.5 vs −2.7)
        assertTrue(disagreement("0.559", "-2.7"));
    }

    @Test
    void vendorDisagreementIsNotAFurtherInvestigationIndication() {
        DensitometryResult r = calculator.compute(Fixtures.postmenopausal(fn("0.558").withVendorScores("-2.0", null)));
        Flag f = r.flags().stream().filter(x -> x.code() == FlagCode.VENDOR_DISAGREEMENT).findFirst().orElseThrow();
        assertFalse(f.furtherInvestigation());
        assertTrue(f.message().contains("engine -2.5 vs vendor -2.0"));
    }

    @Test
    void vertebralFractureOnVfaIsFlagged() {
        ScanInput base = Fixtures.postmenopausal(fn("0.700"));
        ScanInput in = new ScanInput(base.sex(), base.birthDate(), base.scanDate(), base.manufacturer(), true, false,
                true, base.measurements(), null, null);
        Flag f = calculator.compute(in).flags().stream().filter(x -> x.code() == FlagCode.VERTEBRAL_FRACTURE_ON_VFA)
                .findFirst().orElseThrow();
        assertTrue(f.furtherInvestigation());
    }

    @Test
    void siteWithoutBmdIsNotEvaluableAndTheCategoryGoesToTheReporter() {
        // right FN measured without BMD; left total hip (0.698 − 0.942) / 0.122 = −2.0 would say OSTEOPENIA,
        // but the right neck could be lower: no category from the other sites alone, reporter review
        Measurement noBmd = new Measurement(Site.FEMORAL_NECK, Laterality.RIGHT, null, null, null, null, null);
        DensitometryResult r = calculator.compute(Fixtures.postmenopausal(noBmd, th("0.698")));
        assertTrue(r.flags().stream().anyMatch(f -> f.code() == FlagCode.SITE_NOT_EVALUABLE
                && f.site() == Site.FEMORAL_NECK && f.laterality() == Laterality.RIGHT && f.furtherInvestigation()));
        assertNull(r.whoCategory());
        assertTrue(r.needsReporterReview());
        assertTrue(r.flags().stream().anyMatch(f -> f.code() == FlagCode.NEEDS_REPORTER_REVIEW
                && f.site() == Site.FEMORAL_NECK && f.message().contains("femoral neck (right) was measured but has no T-score")));
        assertEquals(d("-2.0"), r.lowestTScore().value());
    }

    @Test
    void noTScoreAnywhereMeansNoWhoCategory() {
        ScanInput in = Fixtures.woman(true, LocalDate.of(1955, 3, 12), Manufacturer.OTHER, false, fn("0.600"));
        DensitometryResult r = calculator.compute(in);
        assertEquals(null, r.whoCategory());
        assertTrue(Fixtures.hasFlag(r, FlagCode.WHO_CATEGORY_NOT_DETERMINABLE));
        assertTrue(Fixtures.hasFlag(r, FlagCode.SITE_NOT_EVALUABLE));
    }

    @Test
    void fraxFromReferralIsCarriedAndWhereToComputeBmdFraxIsGiven() {
        ScanInput base = Fixtures.postmenopausal(fn("0.558"));
        ScanInput in = new ScanInput(base.sex(), base.birthDate(), base.scanDate(), base.manufacturer(), true, false,
                false, base.measurements(), null, new Referral(d("18"), d("4.2"), "amber"));
        List<Flag> flags = calculator.compute(in).flags();
        Flag referral = flags.stream().filter(f -> f.code() == FlagCode.FRAX_FROM_REFERRAL).findFirst().orElseThrow();
        assertTrue(referral.message().contains("major osteoporotic 18 %"));
        assertTrue(referral.message().contains("hip 4.2 %"));
        assertTrue(referral.message().contains("NOGG zone amber"));
        Flag where = flags.stream().filter(f -> f.code() == FlagCode.BMD_ADJUSTED_FRAX_NOT_COMPUTED).findFirst()
                .orElseThrow();
        assertTrue(where.message().contains("0.558 g/cm²"));
        assertTrue(where.message().contains("https://www.sheffield.ac.uk/FRAX"));
    }

    @Test
    void noReferralNoFraxFlags() {
        assertTrue(calculator.compute(Fixtures.postmenopausal(fn("0.700"))).flags().stream()
                .noneMatch(f -> f.code() == FlagCode.FRAX_FROM_REFERRAL || f.code() == FlagCode.BMD_ADJUSTED_FRAX_NOT_COMPUTED));
    }

    @Test
    void provenanceNamesDatasetsLscAndEngine() {
        Provenance p = calculator.compute(Fixtures.postmenopausal(fn("0.700"))).provenance();
        assertTrue(p.referenceDatasets().stream().anyMatch(ds -> ds.name().contains("NHANES III") && ds.version().equals("1998")));
        assertTrue(p.lscSource().contains("ISCD"));
        assertEquals(DensitometryCalculator.ENGINE_VERSION, p.engineVersion());
        assertTrue(p.rounding().contains("half away from zero"));
    }
}
