package org.dxaflow.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dxaflow.clinical.Sex;
import org.dxaflow.justification.ReferralQuestionMapping;
import org.dxaflow.order.ClinicalAnswer;
import org.dxaflow.order.Clinician;
import org.dxaflow.order.CodedValue;
import org.dxaflow.order.Order;
import org.dxaflow.order.OrderStatus;
import org.dxaflow.order.Patient;
import org.dxaflow.order.PatientDemographics;
import org.dxaflow.order.PersonName;
import org.dxaflow.order.SentDate;
import org.junit.jupiter.api.Test;

/** The patient context a result is computed with, read from the order and its referral answers. */
class ClinicalContextReaderTest {

    static final ClinicalContextReader READER = new ClinicalContextReader(
            ReferralQuestionMapping.load(Path.of("mappings/hl7/referral-questions.yaml")));

    static Order order(Sex sex, LocalDate birth, ClinicalAnswer... answers) {
        PatientDemographics d = new PatientDemographics("RX1", "RXA", "", new PersonName("A", "B", "", ""), birth, sex,
                new Clinician("", PersonName.EMPTY), "");
        return new Order(1, "P1", "CRIS", "", "ACC1", OrderStatus.RECEIVED, new CodedValue("X", "DXA", "L"),
                new Clinician("", PersonName.EMPTY), SentDate.of(LocalDate.of(2026, 11, 28)),
                SentDate.of(LocalDate.of(2026, 11, 28)), "R", "", List.of(answers), "2.4", Instant.EPOCH,
                Instant.EPOCH, new Patient(1, d));
    }

    static ClinicalAnswer answer(String code, String system, String value) {
        return new ClinicalAnswer(code, system, "CE", List.of(value), "");
    }

    @Test
    void postmenopausalFractureAndFraxFromTheReferral() {
        ClinicalContext c = READER.read(order(Sex.F, LocalDate.of(1955, 3, 12),
                answer("MENOPAUSE", "99DXA", "Y"), answer("FRACTURE_AFTER_40", "99DXA", "Y"),
                answer("FRAX_MOF", "99DXA", "18.5"), answer("NOGG_ZONE", "99DXA", "AMBER")));
        assertEquals(Sex.F, c.sex());
        assertEquals(Boolean.TRUE, c.menopausal());
        assertEquals(Boolean.TRUE, c.fragilityFracture());
        assertEquals(0, new BigDecimal("18.5").compareTo(c.referral().fraxMajorOsteoporoticPercent()));
        assertEquals("AMBER", c.referral().noggZone());
        assertTrue(c.problems().isEmpty());
    }

    @Test
    void menopauseNotStatedIsNeverGuessed() {
        // U, no answer, and a code the mapping does not know (coding system "ZZ") all mean "not stated"
        for (ClinicalAnswer a : List.of(answer("MENOPAUSE", "99DXA", "U"), answer("MENOPAUSE", "ZZ", "Y"),
                answer("OTHER", "99DXA", "Y"))) {
            ClinicalContext c = READER.read(order(Sex.F, LocalDate.of(1940, 1, 1), a));
            assertNull(c.menopausal(), a.toString());
            assertNull(c.fragilityFracture(), "fracture history not stated is not 'no fracture'");
            assertNull(c.referral());
        }
        assertEquals(Boolean.FALSE, READER.read(order(Sex.F, LocalDate.of(1980, 1, 1),
                answer("MENOPAUSE", "99DXA", "N"))).menopausal());
    }

    @Test
    void noSexOrBirthDateMeansNotComputable() {
        ClinicalContext c = READER.read(order(Sex.U, null));
        assertEquals(2, c.problems().size(), c.problems().toString());
    }
}
