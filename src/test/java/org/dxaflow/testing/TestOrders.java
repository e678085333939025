package org.dxaflow.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dxaflow.clinical.Sex;
import org.dxaflow.order.ClinicalAnswer;
import org.dxaflow.order.Clinician;
import org.dxaflow.order.CodedValue;
import org.dxaflow.order.Order;
import org.dxaflow.order.OrderStatus;
import org.dxaflow.order.Patient;
import org.dxaflow.order.PatientDemographics;
import org.dxaflow.order.PersonName;
import org.dxaflow.order.SentDate;

/** Orders built in code, for unit tests of what the engine does with a stored order. */
public final class TestOrders {

    private TestOrders() {
    }

    /** A v2.4 order from the RIS for Margaret Holt (born 1955-03-12), received 2026-11-27 10:00 UTC. */
    public static Order order(String version, OrderStatus status, SentDate requestedDate, SentDate referralDate,
            List<ClinicalAnswer> answers) {
        return order(version, status, requestedDate, referralDate, answers, LocalDate.of(1955, 3, 12));
    }

    public static Order order(String version, OrderStatus status, SentDate requestedDate, SentDate referralDate,
            List<ClinicalAnswer> answers, LocalDate birthDate) {
        PatientDemographics patient = new PatientDemographics("RX1000001", "RXA", "9990000018",
                new PersonName("HOLT", "MARGARET", "ANNE", "MRS"), birthDate, Sex.F,
                new Clinician("G8512345", new PersonName("WHITE", "JAMES", "", "")), "B86001");
        return new Order(7, "ORD100001", "CRIS", "", "ACC100001", status,
                new CodedValue("XDXAS", "DXA scan lumbar spine and hip", "L"),
                new Clinician("C3456789", new PersonName("PATEL", "ANITA", "", "DR")), requestedDate, referralDate,
                "R", "Fragility fracture", answers, version, Instant.parse("2026-11-27T10:00:00Z"),
                Instant.parse("2026-11-27T10:00:00Z"), new Patient(3, patient));
    }

    public static ClinicalAnswer answer(String code, String system, String type, String... values) {
        return new ClinicalAnswer(code, system, type, List.of(values), "");
    }
}
