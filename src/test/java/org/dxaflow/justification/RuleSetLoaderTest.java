package org.dxaflow.justification;

import org.dxaflow.conf.ConfException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.dxaflow.order.NoggZone;
import org.dxaflow.order.SteroidRoute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleSetLoaderTest {

    @TempDir
    Path temp;

    @Test
    void loadsTheShippedConfiguration() {
        RuleSet rules = new RuleSetLoader().load(ConfCopy.SHIPPED);

        assertEquals("2025.06-2", rules.version());
        assertEquals("PRAC-0001", rules.delegation().practitioner().id());
        assertTrue(rules.delegation().document().startsWith("DXA-IRMER-DEL-001"));
        assertEquals(18, rules.eligibility().minAgeYears());
        assertEquals(50, rules.fracture().menOlderThanYears());
        assertEquals(List.of(SteroidRoute.ORAL, SteroidRoute.IV), rules.steroids().systemicRoutes());
        assertEquals(0, new BigDecimal("15").compareTo(rules.steroids().minDailyDoseMg()));
        assertEquals(List.of(NoggZone.AMBER, NoggZone.RED), rules.frax().referralZones());
        assertEquals(2, rules.followUp().minYears());
        assertEquals(16, rules.diseaseMedication().conditions().size());
        assertEquals(List.of("LSPINE", "HIP", "FOREARM", "VFA"), List.copyOf(rules.protocol().codes().keySet()));
        assertEquals("99DXAFLOW", rules.protocol().codes().get("VFA").codingSchemeDesignator());
        assertEquals(7, rules.protocol().recentNmOrContrastWaitDays());
        assertTrue(rules.referrers().acceptsAnyReferrer(), "shipped referrers.yaml is empty");
    }

    @Test
    void shippedBoundaryReadingsAreSignedAndQuoted() {
        Delegation.ThresholdReadings readings = new RuleSetLoader().load(ConfCopy.SHIPPED).delegation().thresholdReadings();

        assertEquals(ThresholdReading.Reading.INCLUSIVE, readings.steroidDuration().reading());
        assertEquals(ThresholdReading.Reading.INCLUSIVE, readings.steroidDose().reading());
        assertEquals(ThresholdReading.Reading.INCLUSIVE, readings.vfaHeightLoss().reading());
        assertEquals(">3 months", readings.steroidDuration().wording());
        assertTrue(readings.steroidDuration().quote().contains("steroids for >3 months"));
        assertTrue(readings.steroidDose().quote().contains("prednisolone >15 mg daily"));
        for (ThresholdReading r : readings.all()) {
            assertTrue(r.quote().contains(r.wording()), r.name());
            assertTrue(r.source().length() > 4, r.name());
        }
    }

    @Test
    void aBoundaryReadingNobodySignedIsAnError() {
        ConfCopy conf = new ConfCopy(temp).replace(temp.resolve("rules.yaml"), "    steroidDose:\n", "    steroidDoes:\n");
        int line = ConfCopy.lineOf(conf.rules(), "steroidDoes:");

        ConfException e = assertThrows(ConfException.class, conf::load);

        assertHasProblem(e, conf.rules() + ":", "missing required key 'delegation.thresholdReadings.steroidDose'");
        assertHasProblem(e, conf.rules() + ":" + line + ":", "unknown key 'steroidDoes' in delegation.thresholdReadings");
    }

    @Test
    void aReadingIsInclusiveOrExclusive() {
        ConfCopy conf = new ConfCopy(temp).replace(temp.resolve("rules.yaml"),
                "steroids for >3 months\"\n      reading: INCLUSIVE", "steroids for >3 months\"\n      reading: AT_LEAST");
        int line = ConfCopy.lineOf(conf.rules(), "reading: AT_LEAST");

        ConfException e = assertThrows(ConfException.class, conf::load);

        assertHasProblem(e, conf.rules() + ":" + line + ":",
                "delegation.thresholdReadings.steroidDuration.reading: expected INCLUSIVE or EXCLUSIVE, found 'AT_LEAST'");
    }

    @Test
    void aReadingQuotesTheWordingItReads() {
        ConfCopy conf = new ConfCopy(temp).replace(temp.resolve("rules.yaml"), "wording: \">15 mg daily\"",
                "wording: \">=15 mg daily\"");
        int line = ConfCopy.lineOf(conf.rules(), ">=15 mg daily");

        ConfException e = assertThrows(ConfException.class, conf::load);

        assertHasProblem(e, conf.rules() + ":" + line + ":", "'>=15 mg daily' is not in the quote");
    }

    @Test
    void unknownKeyIsReportedWithItsLine() {
        ConfCopy conf = new ConfCopy(temp).replace(temp.resolve("rules.yaml"), "  minYears: 2", "  minYaers: 2");
        int line = ConfCopy.lineOf(conf.rules(), "minYaers");

        ConfException e = assertThrows(ConfException.class, conf::load);

        assertHasProblem(e, conf.rules() + ":" + line + ":", "unknown key 'minYaers' in followup");
        assertHasProblem(e, "", "missing required key 'followup.minYears'");
    }

    @Test
    void wrongTypeIsReportedWithItsLine() {
        ConfCopy conf = new ConfCopy(temp).replace(temp.resolve("rules.yaml"), "  minDailyDoseMg: 15", "  minDailyDoseMg: fifteen");
        int line = ConfCopy.lineOf(conf.rules(), "minDailyDoseMg: fifteen");

        ConfException e = assertThrows(ConfException.class, conf::load);

        assertHasProblem(e, conf.rules() + ":" + line + ":", "steroids.minDailyDoseMg: expected a number, found string 'fifteen'");
    }

    @Test
    void missingThresholdIsReportedAtItsSection() {
        ConfCopy conf = new ConfCopy(temp).replace(temp.resolve("rules.yaml"), "  youngerThanYears: 65\n", "");
        int line = ConfCopy.lineOf(conf.rules(), "steroids:");

        ConfException e = assertThrows(ConfException.class, conf::load);

        assertHasProblem(e, conf.rules() + ":" + line + ":", "missing required key 'steroids.youngerThanYears'");
    }

    @Test
    void everyProblemIsReportedInOnePass() {
        ConfCopy conf = new ConfCopy(temp)
                .replace(temp.resolve("rules.yaml"), "  minAgeYears: 18", "  minAgeYears: 17.5")
                .replace(temp.resolve("rules.yaml"), "  default: [LSPINE, HIP]", "  default: [LSPINE, KNEE]")
                .replace(temp.resolve("rules.yaml"), "  referralZones: [AMBER, RED]", "  referralZones: [AMBER, PURPLE]");

        ConfException e = assertThrows(ConfException.class, conf::load);

        assertEquals(3, e.problems().size(), e.getMessage());
        assertHasProblem(e, conf.rules() + ":" + ConfCopy.lineOf(conf.rules(), "minAgeYears: 17.5") + ":",
                "eligibility.minAgeYears: expected a whole number");
        assertHasProblem(e, conf.rules() + ":" + ConfCopy.lineOf(conf.rules(), "[LSPINE, KNEE]") + ":",
                "protocol code 'KNEE' is not defined");
        assertHasProblem(e, conf.rules() + ":" + ConfCopy.lineOf(conf.rules(), "PURPLE") + ":",
                "unknown value 'PURPLE'");
    }

    @Test
    void duplicateKeyIsAnError() {
        ConfCopy conf = new ConfCopy(temp).replace(temp.resolve("rules.yaml"), "  minYears: 2", "  minYears: 2\n  minYears: 3");
        int line = ConfCopy.lineOf(conf.rules(), "minYears: 3");

        ConfException e = assertThrows(ConfException.class, conf::load);

        assertHasProblem(e, conf.rules() + ":" + line + ":", "duplicate key 'minYears'");
    }

    @Test
    void yamlSyntaxErrorHasALocation() {
        ConfCopy conf = new ConfCopy(temp).replace(temp.resolve("rules.yaml"), "  minYears: 2", "  minYears: [2");

        ConfException e = assertThrows(ConfException.class, conf::load);

        assertHasProblem(e, conf.rules() + ":", "YAML syntax error");
    }

    @Test
    void referrersFileIsValidatedToo() {
        ConfCopy conf = new ConfCopy(temp).replace(temp.resolve("referrers.yaml"), "referrers: []",
                "referrers:\n  - id: \"G1\"\n    name: \"Dr One\"\n    speciality: \"GP\"");
        int line = ConfCopy.lineOf(conf.referrers(), "speciality");

        ConfException e = assertThrows(ConfException.class, conf::load);

        assertHasProblem(e, conf.referrers() + ":" + line + ":", "unknown key 'speciality' in referrers[0]");
    }

    @Test
    void missingDelegationPractitionerIsAnError() {
        ConfCopy conf = new ConfCopy(temp).replace(temp.resolve("rules.yaml"), "    name: \"Dr Example Practitioner\"\n", "");

        ConfException e = assertThrows(ConfException.class, conf::load);

        assertHasProblem(e, conf.rules() + ":", "missing required key 'delegation.practitioner.name'");
    }

    @Test
    void missingFileIsAnError() {
        ConfException e = assertThrows(ConfException.class, () -> new RuleSetLoader().load(temp));

        assertHasProblem(e, temp.resolve("rules.yaml").toString(), "file not found");
    }

    private static void assertHasProblem(ConfException e, String locationPrefix, String fragment) {
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith(locationPrefix) && p.contains(fragment)),
                "expected a problem at '" + locationPrefix + "' containing '" + fragment + "' in:\n" + e.getMessage());
    }
}
