package org.dxaflow.justification;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns raw canonical answers (field → OBX-5 values as text, already mapped from OBX-3 by
 * {@link ReferralQuestionMapping}) into typed {@link ReferralAnswers}. All problems are reported
 * together. Blank values count as not answered.
 */
public final class ReferralAnswersParser {

    public ReferralAnswers parse(Map<ReferralField, List<String>> raw) {
        Reader r = new Reader(raw);
        ReferralAnswers answers = new ReferralAnswers(
                r.codes(ReferralField.REFREASON),
                r.yesNo(ReferralField.FRACTURE_AFTER_40),
                r.text(ReferralField.FRACTURE_DETAILS),
                r.yesNo(ReferralField.MENOPAUSE),
                r.coded(ReferralField.STEROID_ROUTE, SteroidRoute.class),
                r.yesNo(ReferralField.STEROID_ORAL_COURSES),
                r.number(ReferralField.STEROID_DOSE_MG),
                r.number(ReferralField.STEROID_DURATION_MONTHS),
                r.codes(ReferralField.CONDITION),
                r.number(ReferralField.FRAX_MOF),
                r.number(ReferralField.FRAX_HIP),
                r.coded(ReferralField.NOGG_ZONE, NoggZone.class),
                r.yesNo(ReferralField.OSTEO_TREATMENT),
                r.date(ReferralField.PREVIOUS_DXA_DATE),
                r.text(ReferralField.PREVIOUS_DXA_SITE),
                r.number(ReferralField.WEIGHT_KG),
                r.number(ReferralField.HEIGHT_CM),
                r.number(ReferralField.HEIGHT_LOSS_CM),
                r.coded(ReferralField.PREGNANT, Pregnancy.class).orElse(Pregnancy.U),
                r.date(ReferralField.RECENT_NM_OR_CONTRAST_DATE),
                r.text(ReferralField.SPECIAL_NEEDS));
        if (!r.problems.isEmpty()) {
            throw new InvalidReferralAnswerException(r.problems);
        }
        return answers;
    }

    /** Reads one referral's values, collecting problems instead of failing on the first. */
    private static final class Reader {
        private final Map<ReferralField, List<String>> raw;
        private final List<String> problems = new ArrayList<>();

        Reader(Map<ReferralField, List<String>> raw) {
            this.raw = raw;
        }

        List<String> all(ReferralField field) {
            return raw.getOrDefault(field, List.of()).stream()
                    .filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
        }

        /** Repeating CE codes, case-normalised like the single CE answers, duplicates kept out. */
        List<String> codes(ReferralField field) {
            return all(field).stream().map(v -> v.toUpperCase(Locale.ROOT)).distinct().toList();
        }

        Optional<String> single(ReferralField field) {
            List<String> values = all(field);
            if (values.size() > 1) {
                problems.add(field + ": expected one answer, got " + values);
            }
            return values.stream().findFirst();
        }

        String text(ReferralField field) {
            return single(field).orElse("");
        }

        YesNo yesNo(ReferralField field) {
            return coded(field, YesNo.class).orElse(YesNo.U);
        }

        <E extends Enum<E>> Optional<E> coded(ReferralField field, Class<E> type) {
            Optional<String> value = single(field);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Enum.valueOf(type, value.get().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(field + ": unknown value '" + value.get() + "'");
                return Optional.empty();
            }
        }

        Optional<BigDecimal> number(ReferralField field) {
            Optional<String> value = single(field);
            try {
                return value.map(BigDecimal::new);
            } catch (NumberFormatException e) {
                problems.add(field + ": not a number '" + value.orElse("") + "'");
                return Optional.empty();
            }
        }

        /**
         * HL7 DT allows reduced precision, and the form asks only for the "year of scan". A partial
         * date is read as the LAST day it can mean: for intervals since a previous scan and for the
         * wait after a contrast study, that errs on the side of not exposing the patient too early.
         */
        Optional<LocalDate> date(ReferralField field) {
            Optional<String> value = single(field);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            String digits = value.get().replace("-", "");
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
            } catch (NumberFormatException | DateTimeException e) {
                // reported below
            }
            problems.add(field + ": not a date (YYYY[MM[DD]]) '" + value.get() + "'");
            return Optional.empty();
        }
    }
}
