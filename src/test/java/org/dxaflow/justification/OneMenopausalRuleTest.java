package org.dxaflow.justification;

import static org.dxaflow.order.ReferralField.FRACTURE_AFTER_40;
import static org.dxaflow.order.ReferralField.REFREASON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.dxaflow.clinical.MenopausalStatus;
import org.dxaflow.clinical.MenopausalStatusRule;
import org.dxaflow.clinical.Sex;
import org.dxaflow.densitometry.DensitometryCalculator;
import org.dxaflow.densitometry.DensitometryConfig;
import org.dxaflow.densitometry.DensitometryResult;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Manufacturer;
import org.dxaflow.densitometry.Measurement;
import org.dxaflow.densitometry.ScanInput;
import org.dxaflow.densitometry.Site;
import org.dxaflow.densitometry.WhoCategory;
import org.dxaflow.densitometry.conf.ReferenceDataLoader;
import org.junit.jupiter.api.Test;

/**
 * Unknown menopausal status is ONE rule: the gate and densitometry read the same
 * MenopausalStatusRule, so moving its age moves both, and neither can disagree with the other about
 * the same woman. A woman of 57, fracture after 40, status not stated; femoral neck 0.546:
 * T = (0.546 − 0.858) / 0.120 = −2.6.
 */
class OneMenopausalRuleTest {

    private static final DensitometryConfig CONF = new ReferenceDataLoader().load(Path.of("conf"));

    private static Outcome gate(MenopausalStatusRule rule) {
        return new JustificationGate(TestReferrals.shippedRules(), rule, TestReferrals.CLOCK).evaluate(
                TestReferrals.referral(Sex.F, 57, TestReferrals.REFERRER, REFREASON, "FRACTURE",
                        FRACTURE_AFTER_40, "Y")).outcome();
    }

    private static DensitometryResult scan(MenopausalStatusRule rule) {
        DensitometryCalculator calculator = new DensitometryCalculator(
                new DensitometryConfig(CONF.referenceData(), CONF.settings(), CONF.lsc(), rule));
        LocalDate scanDate = LocalDate.of(2026, 11, 28);
        return calculator.compute(new ScanInput(Sex.F, scanDate.minusYears(57).minusDays(30),
                scanDate, Manufacturer.HOLOGIC, null, null, true, false, List.of(), null,
                List.of(new Measurement(Site.FEMORAL_NECK, Laterality.LEFT, new BigDecimal("0.546"), null, null, null,
                        null)), null, null));
    }

    @Test
    void theShippedRuleInfersPostmenopausalAt57InBoth() {
        // 57 ≥ 55 (conf/clinical/menopausal-status.yaml)
        assertEquals(Outcome.JUSTIFIED, gate(TestReferrals.MENOPAUSE));
        DensitometryResult r = scan(TestReferrals.MENOPAUSE);
        assertEquals(MenopausalStatus.POSTMENOPAUSAL, r.menopausalStatus().status());
        assertTrue(r.menopausalStatus().inferred());
        assertEquals(WhoCategory.SEVERE_OSTEOPOROSIS, r.whoCategory()); // −2.6 with the referral's fracture
    }

    @Test
    void aRuleInferringFrom60HoldsTheReferralAndWithholdsTheCategoryAlike() {
        MenopausalStatusRule from60 = new MenopausalStatusRule(OptionalInt.of(60), "test", "test.yaml:5");
        assertEquals(Outcome.NEEDS_REVIEW, gate(from60));
        DensitometryResult r = scan(from60);
        assertEquals(MenopausalStatus.UNKNOWN, r.menopausalStatus().status());
        assertNull(r.whoCategory());
        assertNull(r.zScoreInterpretation());
        assertTrue(r.needsReporterReview());
    }
}
