package org.dxaflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.dxaflow.order.Clinician;
import org.dxaflow.order.CodedValue;
import org.dxaflow.order.PersonName;
import org.junit.jupiter.api.Test;

/**
 * Helper getters (isEmpty, isIdentified) are not data: they must not appear as "empty": false in
 * every name and code of the API's JSON, and JSON written before (with them) must still read.
 */
class ApiJsonShapeTest {

    static final ObjectMapper ENGINE = Json.newMapper();
    static final ObjectMapper RESULTS = ResultsModule.json();

    @Test
    void namesCodesAndCliniciansCarryOnlyTheirData() throws Exception {
        PersonName name = new PersonName("HOLT", "MARGARET", "ANNE", "MRS");
        CodedValue code = new CodedValue("XDXAS", "DXA scan", "L");
        Clinician gp = new Clinician("G1234567", new PersonName("SMITH", "ANITA", "", ""));
        for (ObjectMapper m : new ObjectMapper[] {ENGINE, RESULTS}) {
            assertEquals("{\"family\":\"HOLT\",\"given\":\"MARGARET\",\"middle\":\"ANNE\",\"prefix\":\"MRS\"}",
                    m.writeValueAsString(name));
            assertEquals("{\"code\":\"XDXAS\",\"text\":\"DXA scan\",\"scheme\":\"L\"}", m.writeValueAsString(code));
            String clinician = m.writeValueAsString(gp);
            assertFalse(clinician.contains("identified") || clinician.contains("empty"), clinician);
        }
    }

    @Test
    void theReferralInAResultsInputsHasNoEmptyFlag() throws Exception {
        var referral = new org.dxaflow.densitometry.Referral(new BigDecimal("12"), new BigDecimal("3.1"), "amber");
        assertEquals("{\"fraxMajorOsteoporoticPercent\":12,\"fraxHipPercent\":3.1,\"noggZone\":\"amber\"}",
                RESULTS.writeValueAsString(referral));
    }

    @Test
    void jsonWrittenWithTheOldFlagsStillReads() throws Exception {
        assertEquals(new PersonName("HOLT", "M", "", ""), ENGINE.readValue(
                "{\"family\":\"HOLT\",\"given\":\"M\",\"middle\":\"\",\"prefix\":\"\",\"empty\":false}", PersonName.class));
        assertEquals(new CodedValue("A", "B", "C"), RESULTS.readValue(
                "{\"code\":\"A\",\"text\":\"B\",\"scheme\":\"C\",\"empty\":false}", CodedValue.class));
        assertEquals(new Clinician("X", PersonName.EMPTY), ENGINE.readValue(
                "{\"id\":\"X\",\"name\":{\"family\":\"\",\"given\":\"\",\"middle\":\"\",\"prefix\":\"\",\"empty\":true},"
                        + "\"identified\":true}", Clinician.class));
        assertEquals(new org.dxaflow.densitometry.Referral(null, null, "red"), RESULTS.readValue(
                "{\"noggZone\":\"red\",\"empty\":false}", org.dxaflow.densitometry.Referral.class));
    }
}
