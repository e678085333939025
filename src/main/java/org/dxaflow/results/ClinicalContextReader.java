package org.dxaflow.results;

import java.util.ArrayList;
import java.util.List;
import org.dxaflow.clinical.Sex;
import org.dxaflow.densitometry.Referral;
import org.dxaflow.order.NoggZone;
import org.dxaflow.order.Order;
import org.dxaflow.order.PatientDemographics;
import org.dxaflow.order.ReferralAnswers;
import org.dxaflow.order.ReferralField;
import org.dxaflow.order.ReferralQuestions;
import org.dxaflow.order.YesNo;

/**
 * Reads the clinical context of a result from its order: sex and birth date from the patient
 * record, menopausal status, fragility fracture and FRAX/NOGG from the referral answers
 * ({@link ReferralAnswers#read}, the reader the gate and the worklist use too).
 * <ul>
 *   <li>Postmenopausal on MENOPAUSE = Y; N is premenopausal; U or no answer is "not stated",
 *       which the one configured menopausal-status rule (conf/clinical) resolves in densitometry
 *       exactly as in the justification gate; the result records that it was inferred.</li>
 *   <li>Fragility fracture on FRACTURE_AFTER_40 = Y ("low-trauma fracture after age 40", seed
 *       Appendix 2 item 1), which decides WHO "severe" osteoporosis; N is none; otherwise not stated.</li>
 *   <li>One of these answers given but unreadable is not "not stated": the result is not computed,
 *       and waits for the reporter with the reason, as for a missing sex or birth date.</li>
 * </ul>
 */
public final class ClinicalContextReader {

    /** The referral answers a computation uses. */
    private static final ReferralField[] USED = {ReferralField.MENOPAUSE, ReferralField.FRACTURE_AFTER_40,
        ReferralField.FRAX_MOF, ReferralField.FRAX_HIP, ReferralField.NOGG_ZONE};

    private final ReferralQuestions questions;

    public ClinicalContextReader(ReferralQuestions questions) {
        this.questions = questions;
    }

    public ClinicalContext read(Order order) {
        PatientDemographics p = order.patient().demographics();
        List<String> problems = new ArrayList<>();
        Sex sex = p.sex() == null || !p.sex().isFemaleOrMale() ? null : p.sex();
        if (sex == null) {
            problems.add("the patient's sex on the order is '" + (p.sex() == null ? "" : p.sex().code())
                    + "': reference populations are by sex (F or M)");
        }
        if (p.birthDate() == null) {
            problems.add("the patient's birth date is not on the order: age decides the reference band and WHO use");
        }
        ReferralAnswers answers = ReferralAnswers.read(order.answers(), questions);
        for (ReferralField field : USED) {
            if (answers.unreadable().containsKey(field)) {
                problems.add("a referral answer could not be read (" + answers.unreadable().get(field) + ")");
            }
        }
        YesNo menopause = answers.menopause();
        Boolean menopausal = null;
        String menopausalSource = "not stated on the referral";
        if (sex == Sex.F && menopause != YesNo.U) {
            menopausal = menopause == YesNo.Y;
            menopausalSource = "referral MENOPAUSE=" + menopause;
        } else if (sex == Sex.M) {
            menopausalSource = "not applicable (male)";
        }
        YesNo fracture = answers.fractureAfter40();
        Boolean fragility = fracture == YesNo.U ? null : fracture == YesNo.Y;
        String fractureSource = fracture == YesNo.U ? "not stated on the referral"
                : "referral FRACTURE_AFTER_40=" + fracture;
        Referral referral = new Referral(answers.fraxMof().orElse(null), answers.fraxHip().orElse(null),
                answers.noggZone().map(NoggZone::name).orElse(null));
        return new ClinicalContext(sex, p.birthDate(), menopausal, menopausalSource, fragility, fractureSource,
                referral.isEmpty() ? null : referral, problems);
    }
}
