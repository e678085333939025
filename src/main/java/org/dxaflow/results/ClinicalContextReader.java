package org.dxaflow.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dxaflow.densitometry.Referral;
import org.dxaflow.densitometry.Sex;
import org.dxaflow.justification.ReferralField;
import org.dxaflow.justification.ReferralQuestionMapping;
import org.dxaflow.order.ClinicalAnswer;
import org.dxaflow.order.Order;
import org.dxaflow.order.PatientDemographics;

/**
 * Reads the clinical context of a result from its order: sex and birth date from the patient
 * record, menopausal status, fragility fracture and FRAX/NOGG from the referral answers, mapped from
 * OBX-3 through {@code mappings/hl7/referral-questions.yaml}.
 * <ul>
 *   <li>Postmenopausal on MENOPAUSE = Y; N is premenopausal; U or no answer is "not stated",
 *       which the one configured menopausal-status rule (conf/clinical) resolves in densitometry
 *       exactly as in the justification gate; the result records that it was inferred.</li>
 *   <li>Fragility fracture on FRACTURE_AFTER_40 = Y ("low-trauma fracture after age 40", seed
 *       Appendix 2 item 1), which decides WHO "severe" osteoporosis; N is none; otherwise not stated.</li>
 * </ul>
 */
public final class ClinicalContextReader {

    private final ReferralQuestionMapping questions;

    public ClinicalContextReader(ReferralQuestionMapping questions) {
        this.questions = questions;
    }

    public ClinicalContext read(Order order) {
        PatientDemographics p = order.patient().demographics();
        List<String> problems = new ArrayList<>();
        Sex sex = Sex.parse(p.sex()).orElse(null);
        if (sex == null) {
            problems.add("the patient's sex on the order is '" + (p.sex() == null ? "" : p.sex())
                    + "': reference populations are by sex (F or M)");
        }
        if (p.birthDate() == null) {
            problems.add("the patient's birth date is not on the order: age decides the reference band and WHO use");
        }
        Optional<String> menopause = answer(order, ReferralField.MENOPAUSE).map(v -> v.toUpperCase(Locale.ROOT));
        Boolean menopausal = null;
        String menopausalSource = "not stated on the referral";
        if (sex == Sex.F && menopause.isPresent() && (menopause.get().equals("Y") || menopause.get().equals("N"))) {
            menopausal = menopause.get().equals("Y");
            menopausalSource = "referral MENOPAUSE=" + menopause.get();
        } else if (sex == Sex.M) {
            menopausalSource = "not applicable (male)";
        }
        Optional<String> fracture = answer(order, ReferralField.FRACTURE_AFTER_40).map(v -> v.toUpperCase(Locale.ROOT));
        Boolean fragility = fracture.filter(v -> v.equals("Y") || v.equals("N")).map("Y"::equals).orElse(null);
        String fractureSource = fracture.map(v -> "referral FRACTURE_AFTER_40=" + v)
                .orElse("not stated on the referral");
        Referral referral = new Referral(number(order, ReferralField.FRAX_MOF), number(order, ReferralField.FRAX_HIP),
                answer(order, ReferralField.NOGG_ZONE).orElse(null));
        return new ClinicalContext(sex, p.birthDate(), menopausal, menopausalSource, fragility, fractureSource,
                referral.isEmpty() ? null : referral, problems);
    }

    private Optional<String> answer(Order order, ReferralField field) {
        for (ClinicalAnswer a : order.answers()) {
            if (questions.fieldFor(a.code(), a.codingSystem()).filter(f -> f == field).isPresent()
                    && !a.values().isEmpty() && !a.values().get(0).isBlank()) {
                return Optional.of(a.values().get(0).trim());
            }
        }
        return Optional.empty();
    }

    private BigDecimal number(Order order, ReferralField field) {
        return answer(order, field).flatMap(v -> {
            try {
                return Optional.of(new BigDecimal(v));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }
}
