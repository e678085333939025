package org.dxaflow.order;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one referral's canonical values (OBX-5 as text, by field) into {@link ReferralAnswers},
 * with the one rule for a value that cannot be read: the field is left absent and its problem is
 * recorded; reading goes on, so every problem is reported together. Blank values are not answers.
 */
final class ReferralAnswerReader {

    private final Map<ReferralField, List<String>> raw;
    private final Map<ReferralField, String> unreadable = new EnumMap<>(ReferralField.class);

    ReferralAnswerReader(Map<ReferralField, List<String>> raw) {
        this.raw = raw;
    }

    ReferralAnswers answers() {
        return new ReferralAnswers(
                codes(ReferralField.REFREASON),
                yesNo(ReferralField.FRACTURE_AFTER_40),
                text(ReferralField.FRACTURE_DETAILS),
                yesNo(ReferralField.MENOPAUSE),
                coded(ReferralField.STEROID_ROUTE, SteroidRoute.class),
                yesNo(ReferralField.STEROID_ORAL_COURSES),
                number(ReferralField.STEROID_DOSE_MG),
                number(ReferralField.STEROID_DURATION_MONTHS),
                codes(ReferralField.CONDITION),
                number(ReferralField.FRAX_MOF),
                number(ReferralField.FRAX_HIP),
                coded(ReferralField.NOGG_ZONE, NoggZone.class),
                yesNo(ReferralField.OSTEO_TREATMENT),
                date(ReferralField.PREVIOUS_DXA_DATE),
                text(ReferralField.PREVIOUS_DXA_SITE),
                number(ReferralField.WEIGHT_KG),
                number(ReferralField.HEIGHT_CM),
                number(ReferralField.HEIGHT_LOSS_CM),
                coded(ReferralField.PREGNANT, Pregnancy.class).orElse(Pregnancy.U),
                date(ReferralField.RECENT_NM_OR_CONTRAST_DATE),
                text(ReferralField.SPECIAL_NEEDS),
                unreadable);
    }

    private List<String> all(ReferralField field) {
        return raw.getOrDefault(field, List.of()).stream()
                .filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
    }

    private void unreadable(ReferralField field, String why) {
        unreadable.putIfAbsent(field, field + ": " + why);
    }

    /** Repeating CE codes, case-normalised like the single CE answers, duplicates kept out. */
    private List<String> codes(ReferralField field) {
        return all(field).stream().map(v -> v.toUpperCase(Locale.ROOT)).distinct().toList();
    }

    /** The one answer to a single question; two answers are not one answer, so neither is read. */
    private Optional<String> single(ReferralField field) {
        List<String> values = all(field);
        if (values.size() > 1) {
            unreadable(field, "expected one answer, got " + values);
            return Optional.empty();
        }
        return values.stream().findFirst();
    }

    private String text(ReferralField field) {
        return single(field).orElse("");
    }

    private YesNo yesNo(ReferralField field) {
        return coded(field, YesNo.class).orElse(YesNo.U);
    }

    private <E extends Enum<E>> Optional<E> coded(ReferralField field, Class<E> type) {
        Optional<String> value = single(field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.get().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            unreadable(field, "unknown value '" + value.get() + "'");
            return Optional.empty();
        }
    }

    private Optional<BigDecimal> number(ReferralField field) {
        Optional<String> value = single(field);
        try {
            return value.map(BigDecimal::new);
        } catch (NumberFormatException e) {
            unreadable(field, "not a number '" + value.orElse("") + "'");
            return Optional.empty();
        }
    }

    /**
     * HL7 DT allows reduced precision, and the form asks only for the "year of scan". A partial
     * date is read as the LAST day it can mean: for intervals since a previous scan and for the
     * wait after a contrast study, that errs on the side of not exposing the patient too early.
     */
    private Optional<LocalDate> date(ReferralField field) {
        Optional<String> value = single(field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String digits = value.get().replace("-", "");
        if (digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                switch (digits.length()) {
                    case 4:
                        return Optional.of(LocalDate.of(Integer.parseInt(digits), 12, 31));
                    case 6:
                        return Optional.of(YearMonth.of(Integer.parseInt(digits.substring(0, 4)),
                                Integer.parseInt(digits.substring(4, 6))).atEndOfMonth());
                    case 8:
                        return Optional.of(LocalDate.of(Integer.parseInt(digits.substring(0, 4)),
                                Integer.parseInt(digits.substring(4, 6)), Integer.parseInt(digits.substring(6, 8))));
                    default:
                        break;
                }
            } catch (DateTimeException e) {
                // not a real date (month 13, 31 April): reported below
            }
        }
        unreadable(field, "not a date (YYYY[MM[DD]]) '" + value.get() + "'");
        return Optional.empty();
    }
}
