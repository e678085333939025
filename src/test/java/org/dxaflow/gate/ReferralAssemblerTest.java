package org.dxaflow.gate;

import static org.dxaflow.testing.TestOrders.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.dxaflow.clinical.Sex;
import org.dxaflow.justification.Referral;
import org.dxaflow.justification.ReferralQuestionMapping;
import org.dxaflow.order.OrderStatus;
import org.dxaflow.order.SentDate;
import org.dxaflow.testing.TestOrders;
import org.junit.jupiter.api.Test;

/** A stored order (received 27 Nov 2026) as the gate's referral. */
class ReferralAssemblerTest {

    private final ReferralAssembler assembler = new ReferralAssembler(
            ReferralQuestionMapping.load(Path.of("mappings/hl7/referral-questions.yaml")), ZoneId.of("Europe/London"));

    @Test
    void answersUnderLocalCodesPatientAndReferrerMakeTheReferral() {
        var order = TestOrders.order("2.3", OrderStatus.RECEIVED, SentDate.NONE, SentDate.of(LocalDate.of(2026, 11, 20)), List.of(
                answer("REFREASON", "L", "CE", "FRACTURE"),
                answer("REFREASON", "99DXA", "CE", "FRAX"),
                answer("FRACTURE_AFTER_40", "L", "ST", "Y"),
                answer("29463-7", "LN", "NM", "62.5"),
                answer("NOT_A_QUESTION", "L", "ST", "ignored")));

        Referral r = ((ReferralAssembler.Assembled) assembler.assemble(order)).referral();

        assertEquals("ORD100001", r.referralId());
        assertEquals(LocalDate.of(2026, 11, 20), r.referralDate(), "ORC-9");
        assertEquals(71, r.ageYears(), "born 12 Mar 1955");
        assertEquals(Sex.F, r.sex());
        assertEquals("C3456789", r.referrer().id());
        assertEquals("PATEL, ANITA", r.referrer().name());
        assertEquals(List.of("FRACTURE", "FRAX"), r.answers().reasons());
        assertEquals(Optional.of(new BigDecimal("62.5")), r.answers().weightKg());
        assertEquals("Fragility fracture", r.clinicalDetails(), "OBR-13, for the fail-safe check");
    }

    @Test
    void theReferralDateIsTheDayOfReceiptWhenOrc9IsMissingOrLater() {
        var none = TestOrders.order("2.4", OrderStatus.RECEIVED, SentDate.NONE, SentDate.NONE, List.of());
        var later = TestOrders.order("2.4", OrderStatus.RECEIVED, SentDate.NONE, SentDate.of(LocalDate.of(2026, 12, 1)), List.of());

        assertEquals(LocalDate.of(2026, 11, 27), assembler.referralDate(none));
        assertEquals(LocalDate.of(2026, 11, 27), assembler.referralDate(later));
    }

    @Test
    void unreadableAnswersAndAMissingBirthDateAreReportedNotGuessed() {
        var order = TestOrders.order("2.4", OrderStatus.RECEIVED, SentDate.NONE, SentDate.NONE, List.of(
                answer("REFREASON", "L", "CE", "STEROIDS"),
                answer("STEROID_DOSE_MG", "L", "NM", "fifteen")), null);

        ReferralAssembler.Result result = assembler.assemble(order);

        ReferralAssembler.Unreadable u = assertInstanceOf(ReferralAssembler.Unreadable.class, result);
        assertEquals(2, u.problems().size(), u.problems().toString());
        assertTrue(u.problems().get(0).contains("STEROID_DOSE_MG: not a number 'fifteen'"), u.problems().toString());
        assertTrue(u.problems().get(1).contains("birth date (PID-7) is missing"), u.problems().toString());
    }

    @Test
    void aReferralOrRequestedDateSentButUnreadableIsHeldForAPractitionerNotDatedByGuess() {
        var reasons = List.of(answer("REFREASON", "L", "CE", "FRACTURE"), answer("FRACTURE_AFTER_40", "L", "ST", "Y"));
        var badOrc9 = TestOrders.order("2.4", OrderStatus.RECEIVED, SentDate.NONE, SentDate.unreadable("2026-11-20"),
                reasons);
        var badRequested = TestOrders.order("2.4", OrderStatus.RECEIVED, SentDate.unreadable("20261340"),
                SentDate.of(LocalDate.of(2026, 11, 20)), reasons);

        ReferralAssembler.Unreadable orc9 = assertInstanceOf(ReferralAssembler.Unreadable.class,
                assembler.assemble(badOrc9), "not the day of receipt, unseen");
        assertEquals(1, orc9.problems().size(), orc9.problems().toString());
        assertTrue(orc9.problems().get(0).contains("ORC-9") && orc9.problems().get(0).contains("'2026-11-20'"),
                orc9.problems().toString());
        ReferralAssembler.Unreadable requested = assertInstanceOf(ReferralAssembler.Unreadable.class,
                assembler.assemble(badRequested), "not the next working day, unseen");
        assertTrue(requested.problems().get(0).contains("'20261340'"), requested.problems().toString());
        // the same orders with the dates readable are assembled
        assertInstanceOf(ReferralAssembler.Assembled.class, assembler.assemble(TestOrders.order("2.4",
                OrderStatus.RECEIVED, SentDate.of(LocalDate.of(2026, 12, 12)), SentDate.of(LocalDate.of(2026, 11, 20)),
                reasons)));
    }
}
