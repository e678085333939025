package org.dxaflow.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dxaflow.clinical.Sex;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.UidGenerator;
import org.dxaflow.gate.ReferralAssembler;
import org.dxaflow.justification.ReferralQuestionMapping;
import org.dxaflow.orderbook.OrderStore;
import org.dxaflow.orderbook.PatientStore;
import org.dxaflow.results.ClinicalContext;
import org.dxaflow.results.ClinicalContextReader;
import org.dxaflow.store.Database;
import org.dxaflow.store.Jdbc;
import org.dxaflow.worklist.StoredWorklist;
import org.dxaflow.worklist.WorklistDataSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One referral, two answers that cannot be read: MENOPAUSE "MAYBE" (not Y, N or U) and two weights
 * for the one weight question. The gate, the results step and the worklist read them through the
 * one reader, by one rule: the answer is not a value, not a "no", and not silently nothing. The gate
 * holds the referral for a practitioner naming both; the results step does not compute a result
 * that needs the menopausal status and says why; the worklist sends no weight rather than one of the
 * two. (Before: the results step read "MAYBE" as not stated and computed; the worklist sent 72.)
 */
class UnreadableAnswerOnEveryPathTest {

    static final ReferralQuestionMapping QUESTIONS =
            ReferralQuestionMapping.load(Path.of("mappings/hl7/referral-questions.yaml"));

    static final List<ClinicalAnswer> ANSWERS = List.of(
            new ClinicalAnswer("REFREASON", "99DXA", "CE", List.of("FRACTURE"), ""),
            new ClinicalAnswer("FRACTURE_AFTER_40", "99DXA", "CE", List.of("Y"), ""),
            new ClinicalAnswer("MENOPAUSE", "99DXA", "CE", List.of("MAYBE"), ""),
            new ClinicalAnswer("29463-7", "LN", "NM", List.of("72", "80"), "kg"));

    static final String MENOPAUSE_PROBLEM = "MENOPAUSE: unknown value 'MAYBE'";
    static final String WEIGHT_PROBLEM = "WEIGHT_KG: expected one answer, got [72, 80]";

    @TempDir
    Path dir;

    @Test
    void theReaderSaysWhatItCouldNotRead() {
        ReferralAnswers a = ReferralAnswers.read(ANSWERS, QUESTIONS);

        assertEquals(List.of(MENOPAUSE_PROBLEM, WEIGHT_PROBLEM), a.problems());
        assertEquals(YesNo.U, a.menopause(), "absent, not N");
        assertTrue(a.weightKg().isEmpty(), "neither weight");
        assertEquals(YesNo.Y, a.fractureAfter40(), "the readable answers are still read");
    }

    @Test
    void theGateHoldsTheReferralForAPractitionerNamingEveryUnreadableAnswer() throws Exception {
        ReferralAssembler.Unreadable held = assertInstanceOf(ReferralAssembler.Unreadable.class,
                new ReferralAssembler(QUESTIONS, ZoneId.of("Europe/London")).assemble(stored()));

        assertEquals(List.of(MENOPAUSE_PROBLEM, WEIGHT_PROBLEM), held.problems());
    }

    @Test
    void theResultsStepDoesNotComputeWithAnAnswerItCouldNotRead() throws Exception {
        ClinicalContext context = new ClinicalContextReader(QUESTIONS).read(stored());

        assertNull(context.menopausal());
        assertEquals(1, context.problems().size(), context.problems().toString());
        assertTrue(context.problems().get(0).contains(MENOPAUSE_PROBLEM), context.problems().toString());
    }

    @Test
    void theWorklistSendsNoWeightRatherThanOneOfTwo() throws Exception {
        stored();
        // the same referral with one weight: that one is sent
        stored("ORD2", List.of(new ClinicalAnswer("29463-7", "LN", "NM", List.of("72"), "kg")));
        List<Attributes> items = new ArrayList<>();
        worklist().candidates(new Attributes(), items::add);

        assertEquals(2, items.size());
        String unreadable = items.get(0).getString(Tag.PatientWeight);
        assertTrue(unreadable == null || unreadable.isBlank(), "PatientWeight " + unreadable);
        assertEquals(72.0, items.get(1).getDouble(Tag.PatientWeight, 0), 1e-9);
    }

    private Jdbc jdbc;

    /** The order as the order book holds it: a SCHEDULED order (a practitioner justified it anyway). */
    private Order stored() throws Exception {
        return stored("ORD1", ANSWERS);
    }

    private Order stored(String placerOrderNumber, List<ClinicalAnswer> answers) throws Exception {
        if (jdbc == null) {
            Database database = new Database("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0", "", "");
            database.migrate();
            jdbc = new Jdbc(database.dataSource());
        }
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        OrderStore orders = orders();
        Order order = jdbc.inTransaction(c -> {
            Patient patient = new PatientStore().upsert(c, new PatientDemographics("RX1000001", "RXA", "9990000018",
                    new PersonName("HOLT", "MARGARET", "", ""), LocalDate.of(1955, 3, 12), Sex.F,
                    new Clinician("", PersonName.EMPTY), ""), now);
            return orders.create(c, patient.id(), new OrderRequest(OrderControl.NW, placerOrderNumber, "CRIS", "", "",
                    new CodedValue("XDXAS", "DXA scan", "L"), new Clinician("C3456789", new PersonName("PATEL", "ANITA",
                    "", "")), SentDate.NONE, SentDate.of(LocalDate.of(2026, 11, 20)), "R", "", answers), "2.4", now);
        });
        jdbc.update("UPDATE dxa_order SET status = 'SCHEDULED' WHERE id = ?", order.id());
        return orders.get(order.id()).orElseThrow();
    }

    private OrderStore orders() {
        return new OrderStore(jdbc, new ObjectMapper(), "DXA");
    }

    private StoredWorklist worklist() {
        return new StoredWorklist(jdbc, orders(), ids -> Map.of(),
                new StoredWorklist.Settings(Set.of("SCHEDULED"), "DXASCAN1", "", "DXA"),
                new WorklistDataSet("99DXAFLOW"), new UidGenerator(UidGenerator.DEFAULT_ROOT), QUESTIONS);
    }
}
