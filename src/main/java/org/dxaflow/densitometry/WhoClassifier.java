package org.dxaflow.densitometry;

import java.math.BigDecimal;

/**
 * WHO densitometric classification and the ISCD rule on when it applies.
 * <ul>
 *   <li>Applies to postmenopausal women and to men aged 50 and over (ISCD 2005/2019 Official
 *       Positions); for everyone else the category is null and the Z-score decides.</li>
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

    public boolean applies(ScanInput input) {
        return switch (input.sex()) {
            case F -> Boolean.TRUE.equals(input.menopausal());
            case M -> input.ageAtScan() >= settings.whoMinimumAgeMen();
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
