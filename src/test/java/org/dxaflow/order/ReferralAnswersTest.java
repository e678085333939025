package org.dxaflow.order;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dxaflow.clinical.Sex;
import org.dxaflow.justification.Referral;
import org.dxaflow.justification.Referrer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one reader of referral answers: values, "not stated", and the one rule for an unreadable answer. */
class ReferralAnswersTest {

    @Test
    void absentAnswersAreNotStatedNotDefaulted() {
        ReferralAnswers a = ReferralAnswers.of(Map.of());

        assertEquals(YesNo.U, a.menopause());
        assertEquals(Pregnancy.U, a.pregnant());
        assertEquals(Optional.empty(), a.weightKg());
        assertTrue(a.reasons().isEmpty());
    }

    @Test
    void typedValuesAreRead() {
        ReferralAnswers a = ReferralAnswers.of(Map.of(
                ReferralField.REFREASON, List.of("fracture", "OTHER", " ", "FRACTURE"),
                ReferralField.MENOPAUSE, List.of("y"),
                ReferralField.STEROID_ROUTE, List.of("IV"),
                ReferralField.WEIGHT_KG, List.of("72.5"),
                ReferralField.PREVIOUS_DXA_DATE, List.of("20230602"),
                ReferralField.PREGNANT, List.of("POSSIBLE")));

        assertEquals(List.of("FRACTURE", "OTHER"), a.reasons(), "codes upper-cased, blank and duplicate repeats dropped");
        assertEquals(List.of(ReferralReason.FRACTURE), a.knownReasons());
        assertEquals(List.of("OTHER"), a.unknownReasonCodes());
        assertEquals(YesNo.Y, a.menopause());
        assertEquals(Optional.of(SteroidRoute.IV), a.steroidRoute());
        assertEquals(Optional.of(new BigDecimal("72.5")), a.weightKg());
        assertEquals(Optional.of(LocalDate.of(2023, 6, 2)), a.previousDxaDate());
        assertEquals(Pregnancy.POSSIBLE, a.pregnant());
    }

    @Test
    void partialDatesMeanTheLastDayOfThePeriod() {
        assertEquals(Optional.of(LocalDate.of(2023, 12, 31)),
                ReferralAnswers.of(Map.of(ReferralField.PREVIOUS_DXA_DATE, List.of("2023"))).previousDxaDate());
        assertEquals(Optional.of(LocalDate.of(2024, 2, 29)),
                ReferralAnswers.of(Map.of(ReferralField.RECENT_NM_OR_CONTRAST_DATE, List.of("202402"))).recentNmOrContrastDate());
        assertEquals(Optional.of(LocalDate.of(2025, 5, 30)),
                ReferralAnswers.of(Map.of(ReferralField.RECENT_NM_OR_CONTRAST_DATE, List.of("2025-05-30"))).recentNmOrContrastDate());
    }

    @Test
    void invalidAnswersAreAllReported() {
        ReferralAnswers a = ReferralAnswers.of(Map.of(
                ReferralField.WEIGHT_KG, List.of("heavy"),
                ReferralField.MENOPAUSE, List.of("MAYBE"),
                ReferralField.PREVIOUS_DXA_DATE, List.of("20231340"),
                ReferralField.NOGG_ZONE, List.of("AMBER", "RED")));

        assertEquals(4, a.problems().size(), a.problems().toString());
    }

    @Test
    void ageIsComputedOnTheReferralDate() {
        ReferralAnswers none = ReferralAnswers.of(Map.of());
        LocalDate referralDate = LocalDate.of(2025, 6, 2);

        assertEquals(17, new Referral("", referralDate, LocalDate.of(2007, 6, 3), Sex.F, Referrer.NONE, none).ageYears());
        assertEquals(18, new Referral("", referralDate, LocalDate.of(2007, 6, 2), Sex.F, Referrer.NONE, none).ageYears());
        assertThrows(IllegalArgumentException.class,
                () -> new Referral("", referralDate, referralDate.plusDays(1), Sex.F, Referrer.NONE, none));
    }
}
