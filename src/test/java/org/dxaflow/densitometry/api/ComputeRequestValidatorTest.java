package org.dxaflow.densitometry.api;

import org.dxaflow.clinical.Sex;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Manufacturer;
import org.dxaflow.densitometry.ScanInput;
import org.dxaflow.densitometry.Site;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComputeRequestValidatorTest {

    private final ComputeRequestValidator validator = new ComputeRequestValidator();

    private static ComputeRequest.SiteEntry site(String site, String laterality, String bmd) {
        return new ComputeRequest.SiteEntry(site, laterality, bmd == null ? null : new BigDecimal(bmd), null, null, null, null);
    }

    private static ComputeRequest request(String birthDate, List<ComputeRequest.SiteEntry> sites, ComputeRequest.Prior prior) {
        return new ComputeRequest("F", birthDate, "2026-11-28", "HOLOGIC", null, true, false, null, null, sites, prior,
                null);
    }

    private List<String> fieldsOf(ComputeRequest r) {
        return assertThrows(ValidationException.class, () -> validator.validate(r)).fields();
    }

    @Test
    void validRequestBecomesScanInput() {
        ScanInput in = validator.validate(request("1955-03-12", List.of(site("FEMORAL_NECK", "LEFT", "0.558"),
                site("L1-L4", null, "0.950")), null));
        assertEquals(Sex.F, in.sex());
        assertEquals(71, in.ageAtScan());
        assertEquals(Manufacturer.HOLOGIC, in.manufacturer());
        assertEquals(Site.FEMORAL_NECK, in.measurements().get(0).site());
        assertEquals(Laterality.LEFT, in.measurements().get(0).laterality());
        assertEquals(new BigDecimal("0.558"), in.measurements().get(0).bmd());
        assertEquals(Site.L1_L4, in.measurements().get(1).site());
    }

    @Test
    void unknownSiteNegativeBmdAndMissingBirthDateAreNamed() {
        List<String> fields = fieldsOf(request(null, List.of(site("FEMUR_HEAD", "LEFT", "0.6"),
                site("TOTAL_HIP", "LEFT", "-0.5")), null));
        assertEquals(List.of("birthDate", "sites[0].site", "sites[1].bmd"), fields);
    }

    @Test
    void messagesSayWhatIsWrong() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> validator.validate(request("1955-03-12", List.of(site("TOTAL_HIP", "LEFT", "-0.5")), null)));
        assertEquals("must be greater than 0, was -0.5", e.errors().get(0).message());
        assertTrue(e.getMessage().contains("sites[0].bmd"));
    }

    @Test
    void womanWithoutMenopausalStatusIsNotStatedRatherThanGuessed() {
        // omitted = not stated: the conf/clinical/menopausal-status.yaml rule decides in the calculator
        ComputeRequest r = new ComputeRequest("F", "1955-03-12", "2026-11-28", "HOLOGIC", null, null, null, null,
                null, List.of(site("FEMORAL_NECK", "LEFT", "0.7")), null, null);
        ScanInput in = validator.validate(r);
        assertNull(in.menopausal());
        assertNull(in.menopausalSource());
        assertNull(in.fragilityFracture());
    }

    @Test
    void vfaFindingsAreValidatedAndNamed() {
        ComputeRequest r = new ComputeRequest("F", "1955-03-12", "2026-11-28", "HOLOGIC", null, true, null, null,
                List.of(new ComputeRequest.VfaEntry("T12", 2, null), new ComputeRequest.VfaEntry("C7", 1, null),
                        new ComputeRequest.VfaEntry("L1", 4, null), new ComputeRequest.VfaEntry("L2", null, null),
                        new ComputeRequest.VfaEntry("T12", null, true)),
                List.of(site("FEMORAL_NECK", "LEFT", "0.7")), null, null);
        assertEquals(List.of("vfa[1].vertebra", "vfa[2].genantGrade", "vfa[3]", "vfa[4].vertebra"), fieldsOf(r));
    }

    @Test
    void deviceIdentityIsCarried() {
        ComputeRequest r = new ComputeRequest("F", "1955-03-12", "2026-11-28", "HOLOGIC",
                new ComputeRequest.Device("Horizon A", "301234", null), true, null, null, null,
                List.of(site("FEMORAL_NECK", "LEFT", "0.7")), null, null);
        ScanInput in = validator.validate(r);
        assertEquals("301234", in.device().serialNumber());
        assertEquals("HOLOGIC", in.device().manufacturer());
    }

    @Test
    void manDoesNotNeedMenopausalStatus() {
        ComputeRequest r = new ComputeRequest("M", "1960-01-01", "2026-11-28", "GE_LUNAR", null, null, null, null, null,
                List.of(site("FEMORAL_NECK", "LEFT", "0.7")), null, null);
        assertEquals(Manufacturer.GE_LUNAR, validator.validate(r).manufacturer());
    }

    @Test
    void badCodesAndDatesAreNamed() {
        ComputeRequest r = new ComputeRequest("X", "12/03/1955", "2026-11-28", "ACME", null, true, null, null, null,
                List.of(site("L2", "LEFT", "0.9"), site("TOTAL_HIP", "UP", "0.8")), null,
                new ComputeRequest.ReferralEntry(new BigDecimal("120"), null, null));
        assertEquals(List.of("sex", "birthDate", "manufacturer", "sites[0].laterality", "sites[1].laterality",
                "referral.fraxMajorOsteoporoticPercent"), fieldsOf(r));
    }

    @Test
    void emptySitesAndDuplicatesAreNamed() {
        assertEquals(List.of("sites"), fieldsOf(request("1955-03-12", List.of(), null)));
        assertEquals(List.of("sites[1]"), fieldsOf(request("1955-03-12",
                List.of(site("FEMORAL_NECK", "LEFT", "0.7"), site("FEMORAL_NECK", "LEFT", "0.71")), null)));
    }

    @Test
    void priorFieldsArePrefixed() {
        ComputeRequest.Prior prior = new ComputeRequest.Prior("2027-01-01", null, null,
                List.of(site("FEMORAL_NECK", "LEFT", "0.7"), site("HEEL", null, "0.5")));
        assertEquals(List.of("prior.scanDate", "prior.manufacturer", "prior.sites[1].site"),
                fieldsOf(request("1955-03-12", List.of(site("FEMORAL_NECK", "LEFT", "0.7")), prior)));
    }

    @Test
    void birthAfterScanIsRejected() {
        assertEquals(List.of("birthDate"), fieldsOf(request("2027-01-01", List.of(site("FEMORAL_NECK", "LEFT", "0.7")), null)));
    }

    @Test
    void implausibleValuesAreNamedNotComputed() {
        // 1e400 g/cm2 (issue: accepted before), a BMC of 20 kg, an area of 1 m2 and a T-score of -40
        ComputeRequest r = request("1955-03-12", List.of(
                new ComputeRequest.SiteEntry("FEMORAL_NECK", "LEFT", new BigDecimal("1e400"), null, null, null, null),
                new ComputeRequest.SiteEntry("TOTAL_HIP", "LEFT", new BigDecimal("0.9"), new BigDecimal("20000"),
                        new BigDecimal("10000.1"), new BigDecimal("-40"), null)), null);
        assertEquals(List.of("sites[0].bmd", "sites[1].bmc", "sites[1].area", "sites[1].tScore"), fieldsOf(r));
        // the largest plausible values still compute
        validator.validate(request("1955-03-12", List.of(new ComputeRequest.SiteEntry("TOTAL_BODY", null,
                new BigDecimal("5"), new BigDecimal("10000"), new BigDecimal("10000"), new BigDecimal("10"), null)), null));
    }
}
