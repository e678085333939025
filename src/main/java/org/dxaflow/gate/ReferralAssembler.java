package org.dxaflow.gate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.dxaflow.hl7.Hl7Time;
import org.dxaflow.justification.InvalidReferralAnswerException;
import org.dxaflow.justification.Referral;
import org.dxaflow.justification.ReferralAnswers;
import org.dxaflow.justification.ReferralAnswersParser;
import org.dxaflow.justification.ReferralQuestionMapping;
import org.dxaflow.justification.Referrer;
import org.dxaflow.justification.Sex;
import org.dxaflow.order.ClinicalAnswer;
import org.dxaflow.order.Order;

/**
 * Turns a stored order into the gate's {@link Referral}: its OBX answers through
 * {@code referral-questions.yaml}, the patient's birth date and sex, the referrer (ORC-12/OBR-16),
 * the referral date (ORC-9, never later than receipt) and the free-text clinical details (OBR-13).
 * What cannot be read is reported, not guessed: such a referral goes to a practitioner.
 */
public final class ReferralAssembler {

    /** The referral, or why it could not be built. */
    public sealed interface Result permits Assembled, Unreadable {
    }

    public record Assembled(Referral referral) implements Result {
    }

    public record Unreadable(List<String> problems) implements Result {
        public Unreadable {
            problems = List.copyOf(problems);
        }
    }

    private final ReferralQuestionMapping mapping;
    private final ReferralAnswersParser parser = new ReferralAnswersParser();
    private final ZoneId zone;

    public ReferralAssembler(ReferralQuestionMapping mapping, ZoneId zone) {
        this.mapping = mapping;
        this.zone = zone;
    }

    public Result assemble(Order order) {
        List<String> problems = new ArrayList<>();
        ReferralAnswers answers = null;
        try {
            answers = parser.parse(mapping.map(observations(order.answers())).fields());
        } catch (InvalidReferralAnswerException e) {
            problems.addAll(e.problems());
        }
        LocalDate birthDate = order.patient().demographics().birthDate();
        LocalDate referralDate = referralDate(order);
        if (birthDate == null) {
            problems.add("Patient birth date (PID-7) is missing: the age criteria cannot be applied");
        } else if (birthDate.isAfter(referralDate)) {
            problems.add("Patient birth date (PID-7) is after the referral date " + referralDate);
        }
        if (!problems.isEmpty()) {
            return new Unreadable(problems);
        }
        Referrer referrer = new Referrer(order.referrer().id(), order.referrer().name().display());
        return new Assembled(new Referral(order.placerOrderNumber(), referralDate, birthDate,
                Sex.fromHl7(order.patient().demographics().sex()), referrer, answers, order.clinicalInfo()));
    }

    /** ORC-9 when sent; a date after receipt (a sender's clock) or none at all means the day of receipt. */
    LocalDate referralDate(Order order) {
        LocalDate received = order.receivedAt().atZone(zone).toLocalDate();
        return Hl7Time.date(order.referralDate()).filter(d -> !d.isAfter(received)).orElse(received);
    }

    /** One observation per value: repeating answers (REFREASON, CONDITION) may come as repetitions too. */
    private static List<ReferralQuestionMapping.Observation> observations(List<ClinicalAnswer> answers) {
        List<ReferralQuestionMapping.Observation> out = new ArrayList<>();
        for (ClinicalAnswer a : answers) {
            for (String value : a.values()) {
                out.add(new ReferralQuestionMapping.Observation(a.code(), a.codingSystem(), value));
            }
        }
        return out;
    }
}
