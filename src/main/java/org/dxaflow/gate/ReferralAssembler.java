package org.dxaflow.gate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.dxaflow.justification.Referral;
import org.dxaflow.justification.Referrer;
import org.dxaflow.order.Order;
import org.dxaflow.order.ReferralAnswers;
import org.dxaflow.order.ReferralQuestions;
import org.dxaflow.order.SentDate;

/**
 * Turns a stored order into the gate's {@link Referral}: its answers ({@link ReferralAnswers#read},
 * through {@code referral-questions.yaml}), the patient's birth date and sex, the referrer
 * (ORC-12/OBR-16), the referral date (ORC-9, never later than receipt) and the free-text clinical
 * details (OBR-13). What cannot be read is reported, not guessed: an unreadable answer, no birth
 * date, a referral date or requested date that was sent but is not a date. Such a referral goes to a
 * practitioner, with the reasons.
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

    private final ReferralQuestions questions;
    private final ZoneId zone;

    public ReferralAssembler(ReferralQuestions questions, ZoneId zone) {
        this.questions = questions;
        this.zone = zone;
    }

    public Result assemble(Order order) {
        ReferralAnswers answers = ReferralAnswers.read(order.answers(), questions);
        List<String> problems = new ArrayList<>(answers.problems());
        LocalDate birthDate = order.patient().demographics().birthDate();
        LocalDate referralDate = referralDate(order);
        if (order.referralDate().isUnreadable()) {
            problems.add("The referral date (ORC-9) '" + order.referralDate().unreadable() + "' is not a date:"
                    + " the criteria's age and intervals are \"at referral\"");
        }
        if (order.requestedDate().isUnreadable()) {
            problems.add("The requested date '" + order.requestedDate().unreadable() + "' is not a date:"
                    + " the order would be scheduled on a day nobody asked for");
        }
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
                order.patient().demographics().sex(), referrer, answers, order.clinicalInfo()));
    }

    /**
     * ORC-9 when sent; a date after receipt (a sender's clock) or none at all means the day of
     * receipt. An unreadable ORC-9 also gives the day of receipt here, but {@link #assemble} then
     * holds the referral for a practitioner: that day is never used unseen.
     */
    LocalDate referralDate(Order order) {
        LocalDate received = order.receivedAt().atZone(zone).toLocalDate();
        SentDate sent = order.referralDate();
        return sent.day().filter(d -> !d.isAfter(received)).orElse(received);
    }
}
