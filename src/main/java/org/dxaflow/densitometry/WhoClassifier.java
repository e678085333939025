package org.dxaflow.densitometry;

import java.math.BigDecimal;

/**
 * WHO densitometric classification and the ISCD rule on when it applies.
 * <ul>
 *   <li>Applies to postmenopausal women and to men aged 50 and over (ISCD 2005/2019 Official
 *       Positions); women before the menopause and younger men get the Z-score wording; a woman
 *       whose status is unknown gets neither.</li>
 *   <li>Decided on the presented (rounded) T-score, so a report can never show "−2.5, osteopenia".</li>
 *   <li>Boundaries (conf): NORMAL if T ≥ −1.0; OSTEOPOROSIS if T ≤ −2.5 (SEVERE with a fragility
 *       fracture); OSTEOPENIA strictly between.</li>
 * </ul>
 */
public final class WhoClassifier {

    private final DensitometrySettings settings;

    public WhoClassifier(DensitometrySettings settings) {
        this.settings = settings;
    }

    /** Which classification a patient gets. */
    public enum Approach {
        /** postmenopausal women, men aged 50 and over: WHO category from the lowest T-score */
        WHO,
        /** women before the menopause, men under 50: the Z-score wording; T-scores are not for diagnosis */
        Z_SCORE,
        /** a woman whose menopausal status is unknown: neither, a reporter decides */
        UNDETERMINED
    }

    /** @param menopause the woman's status under the configured rule; ignored for men */
    public Approach approach(ScanInput input, org.dxaflow.clinical.MenopausalAssessment menopause) {
        return switch (input.sex()) {
            case F -> menopause.postmenopausal() ? Approach.WHO
                    : menopause.premenopausal() ? Approach.Z_SCORE : Approach.UNDETERMINED;
            case M -> input.ageAtScan() >= settings.whoMinimumAgeMen() ? Approach.WHO : Approach.Z_SCORE;
            case U -> throw new IllegalArgumentException("no WHO approach without sex F or M");
        };
    }

    public WhoCategory classify(BigDecimal presentedTScore, boolean fragilityFracture) {
        if (presentedTScore.compareTo(settings.whoOsteoporosisMax()) <= 0) {
            return fragilityFracture ? WhoCategory.SEVERE_OSTEOPOROSIS : WhoCategory.OSTEOPOROSIS;
        }
        if (presentedTScore.compareTo(settings.whoNormalMin()) >= 0) {
            return WhoCategory.NORMAL;
        }
        return WhoCategory.OSTEOPENIA;
    }

    /** ISCD wording for a presented Z-score: "below the expected range for age" when Z ≤ −2.0. */
    public String interpretZScore(BigDecimal presentedZScore) {
        return isBelowExpectedRange(presentedZScore) ? settings.zWordingBelow() : settings.zWordingWithin();
    }

    public boolean isBelowExpectedRange(BigDecimal presentedZScore) {
        return presentedZScore.compareTo(settings.zScoreBelowExpectedMax()) <= 0;
    }
}
