package org.dxaflow.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dxaflow.clinical.Sex;
import org.dxaflow.conf.ConfException;
import org.dxaflow.order.ClinicalAnswer;
import org.dxaflow.order.OrderControl;
import org.dxaflow.order.OrderRequest;
import org.dxaflow.order.SentDate;
import org.dxaflow.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped mappings applied to the shipped samples; expected values are read off the sample text. */
class MessageReaderTest {

    private final MessageReader reader = MessageReader.fromMappings(Path.of("mappings"));

    private MappedMessage read(String sample) {
        Er7Message m = Er7Message.parse(Samples.hl7(sample));
        return reader.read(m, MessageHeader.of(m));
    }

    @Test
    void ormV23OrderAndPatient() {
        MappedMessage m = read("01-orm-o01-v23-new-order.hl7");
        assertEquals("9990000018", m.patient().nhsNumber());
        assertEquals("RX1000001", m.patient().mrn());
        assertEquals("RXA", m.patient().mrnAuthority());
        assertEquals("HOLT", m.patient().name().family());
        assertEquals("MARGARET", m.patient().name().given());
        assertEquals(LocalDate.of(1955, 3, 12), m.patient().birthDate());
        assertEquals(Sex.F, m.patient().sex());
        assertEquals("G8512345", m.patient().gp().id());
        assertEquals("B86001", m.patient().practiceCode());
        OrderRequest o = m.orders().get(0).request();
        assertEquals(OrderControl.NW, o.control());
        assertEquals("ORD100001", o.placerOrderNumber());
        assertEquals("CRIS", o.placerApplication());
        assertEquals("ACC100001", o.accessionNumber());
        assertEquals("XDXAS", o.procedure().code());
        assertEquals("C3456789", o.referrer().id());
        assertEquals("PATEL", o.referrer().name().family());
        assertEquals(SentDate.of(LocalDate.of(2026, 12, 5)), o.requestedDate());
        assertEquals(SentDate.of(LocalDate.of(2026, 11, 28)), o.referralDate(), "ORC-9, the day only");
        assertEquals(5, o.answers().size());
        ClinicalAnswer reason = o.answers().get(0);
        assertEquals("REFREASON", reason.code());
        assertEquals("L", reason.codingSystem());
        assertEquals(List.of("FRACTURE"), reason.values());
        assertEquals("kg", o.answers().get(4).units());
    }

    @Test
    void omgV251TakesRequestedDateFromTq1AndPracticeFromXon10() {
        MappedMessage m = read("03-omg-o19-v251-new-order.hl7");
        assertEquals("B86001", m.patient().practiceCode());
        assertEquals(SentDate.of(LocalDate.of(2026, 12, 12)), m.orders().get(0).request().requestedDate());
        assertEquals("ACC100003", m.orders().get(0).request().accessionNumber());
    }

    @Test
    void accessionFallsBackToFillerThenEngine() {
        assertEquals("", read("12-orm-o01-v23-no-accession.hl7").orders().get(0).request().accessionNumber());
    }

    @Test
    void mergeReadsPriorIdentifiersFromMrg() {
        MappedMessage m = read("11-adt-a40-v24-merge.hl7");
        assertTrue(m.isMerge());
        assertEquals("RX1000009", m.prior().mrn());
        assertEquals("RX1000004", m.patient().mrn());
    }

    @Test
    void referrerFallsBackToObr16AsAWhole() {
        String msg = Samples.hl7("01-orm-o01-v23-new-order.hl7")
                .replace("ORC|NW|ORD100001^CRIS|||||^^^20261205^^R||20261128093000|||C3456789^PATEL^ANITA^^^DR",
                        "ORC|NW|ORD100001^CRIS|||||^^^20261205^^R||20261128093000|||")
                .replace("|C3456789^PATEL^ANITA^^^DR||ACC100001", "|C9999999^JONES^RHYS^^^DR||ACC100001");
        Er7Message m = Er7Message.parse(msg);
        OrderRequest o = reader.read(m, MessageHeader.of(m)).orders().get(0).request();
        assertEquals("C9999999", o.referrer().id());
        assertEquals("JONES", o.referrer().name().family());
    }

    @Test
    void aMappingWithAnUnknownFieldStopsWithFileAndKey(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("patient.yaml");
        Files.writeString(bad, "patient:\n  nhsNumbr: [\"PID-3[5=NH]-1\"]\n");
        ConfException e = assertThrows(ConfException.class,
                () -> PatientMapper.load(bad));
        assertTrue(e.getMessage().contains("patient.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("nhsNumbr"), e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith(bad + ":2:") && p.contains("patient.nhsNumbr")),
                e.getMessage());
    }

    @Test
    void aSiteCanRemapAFieldWithoutCode(@TempDir Path dir) throws IOException {
        // This site sends its NHS number as identifier type "NHSNBR".
        Path custom = dir.resolve("patient.yaml");
        Files.writeString(custom, Files.readString(Path.of("mappings/hl7/patient.yaml"))
                .replace("nhsNumber: [\"PID-3[5=NH]-1\", \"PID-3[4=NHS]-1\", \"PID-2-1\"]",
                        "nhsNumber: [\"PID-3[5=NHSNBR]-1\"]"));
        PatientMapper mapper = PatientMapper.load(custom);
        Er7Message m = Er7Message.parse("MSH|^~\\&|A|B|C|D|1||ADT^A08|1|P|2.4\rPID|1||9434765919^^^X^NHSNBR");
        assertEquals("9434765919", mapper.map(m.segments()).nhsNumber());
    }
}
