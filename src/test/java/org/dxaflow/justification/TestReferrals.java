package org.dxaflow.justification;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dxaflow.clinical.Sex;
import org.dxaflow.order.ReferralAnswers;
import org.dxaflow.order.ReferralField;

/** Small builders for tests that need a referral in code rather than from a case file. */
public final class TestReferrals {

    static final LocalDate REFERRAL_DATE = LocalDate.of(2025, 6, 2);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-02T09:00:00Z"), ZoneOffset.UTC);
    static final Referrer REFERRER = new Referrer("G8123456", "Dr Alice Moss");

    private TestReferrals() {
    }

    /** A referral on {@link #REFERRAL_DATE} for a patient of {@code age}, answers given as field/value pairs. */
    static Referral referral(Sex sex, int age, Referrer referrer, Object... fieldsAndValues) {
        Map<ReferralField, List<String>> raw = new EnumMap<>(ReferralField.class);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            raw.computeIfAbsent((ReferralField) fieldsAndValues[i], f -> new java.util.ArrayList<>())
                    .add(String.valueOf(fieldsAndValues[i + 1]));
        }
        return new Referral("T-" + age, REFERRAL_DATE, REFERRAL_DATE.minusYears(age).minusDays(30), sex, referrer,
                answers(raw));
    }

    /** Answers a test means to be readable: one that is not fails the test rather than being held. */
    static ReferralAnswers answers(Map<ReferralField, List<String>> raw) {
        ReferralAnswers answers = ReferralAnswers.of(raw);
        if (!answers.unreadable().isEmpty()) {
            throw new IllegalArgumentException("Invalid referral answer(s): " + answers.problems());
        }
        return answers;
    }

    /** The shipped conf/clinical/menopausal-status.yaml: the gate and densitometry read the same rule. */
    public static final org.dxaflow.clinical.MenopausalStatusRule MENOPAUSE =
            new org.dxaflow.densitometry.conf.ReferenceDataLoader()
                    .loadMenopausalStatus(Path.of("conf/clinical/menopausal-status.yaml"));

    static RuleSet shippedRules() {
        return new RuleSetLoader().load(Path.of("conf/justification"));
    }
}
