package org.dxaflow.results.mapping;

import static org.dxaflow.testing.Decimals.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.dxaflow.conf.ConfException;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Manufacturer;
import org.dxaflow.densitometry.Measurement;
import org.dxaflow.densitometry.Site;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DicomFile;
import org.dxaflow.dicom.testing.Dcmtk;
import org.dxaflow.hl7.Er7Message;
import org.dxaflow.results.MappedResult;
import org.dxaflow.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped mappings read their sample objects into the values written in those samples, and
 * every way a result can fail to map is an error that says what is wrong. Expected values are read
 * off the sample files (dumps and HL7 text), not from the mapper.
 */
class ResultMappingsTest {

    static final ResultMappings MAPPINGS = ResultMappings.load(Path.of("mappings/results"));

    @TempDir
    Path work;

    /** An object made by DCMTK's dump2dcm from dump text. */
    Attributes dicom(String dump) throws Exception {
        return DicomFile.read(Dcmtk.dump2dcmText(dump, StandardCharsets.ISO_8859_1, work, "in", "--write-file"))
                .dataSet();
    }

    static String exampleDump() throws Exception {
        return Files.readString(Path.of("src/test/resources/results/example-sr.dump"), StandardCharsets.ISO_8859_1)
                .replace("@SOP@", "2.25.11").replace("@DATE@", "20261128").replace("@STUDY@", "2.25.12")
                .replace("@ACCESSION@", "ACC9").replace("@SPINE@", "0.912").replace("@NECK@", "0.701")
                .replace("@HIP@", "0.823");
    }

    static Measurement at(MappedResult r, Site site, Laterality side) {
        return r.measurements().stream().filter(m -> m.site() == site && m.laterality() == side).findFirst()
                .orElseThrow(() -> new AssertionError("no " + site + " " + side + " in " + r.measurements()));
    }

    @Test
    void theShippedMappingsLoad() {
        assertEquals(List.of("example-sr", "loinc-sr", "example-oru"), MAPPINGS.names());
    }

    @Test
    void exampleSrReadsSitesFromContainersAndSidesFromTheirModifiers() throws Exception {
        MappingOutcome o = MAPPINGS.readSr(dicom(exampleDump()));
        assertTrue(o.isMapped(), o.error());
        MappedResult r = o.result();
        assertEquals("example-sr", r.mapping());
        assertEquals(3, r.measurements().size());
        Measurement spine = at(r, Site.L1_L4, null);
        assertDecimal("0.912", spine.bmd());
        assertDecimal("-1.8", spine.vendorTScore());
        assertDecimal("-0.6", spine.vendorZScore());
        Measurement neck = at(r, Site.FEMORAL_NECK, Laterality.LEFT);
        assertDecimal("0.701", neck.bmd());
        assertDecimal("-2.1", neck.vendorTScore());
        assertDecimal("-0.9", neck.vendorZScore());
        assertDecimal("0.823", at(r, Site.TOTAL_HIP, Laterality.LEFT).bmd());
        assertEquals("DXAFLOW-SIM", r.details().manufacturer());
        assertEquals(Manufacturer.HOLOGIC, r.details().scale());
        assertEquals("scanner-sim", r.details().model());
        assertEquals("0.1.0", r.details().softwareVersion());
        assertEquals(LocalDate.of(2026, 11, 28), r.details().scanDate());
        // PatientSize 1.62 m x 100 = 162 cm; PatientWeight 64 kg
        assertDecimal("162", r.details().heightCm());
        assertDecimal("64", r.details().weightKg());
        assertEquals("2.25.12", r.identifiers().studyInstanceUid());
        assertEquals("ACC9", r.identifiers().accessionNumber());
        assertEquals("RX5000003", r.identifiers().patientId());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void loincSrReadsFindingSitesNestedLateralityAndSiteSpecificCodes() throws Exception {
        MappingOutcome o = MAPPINGS.readSr(DicomFile.read(Path.of("samples/dicom/loinc-sr.dcm")).dataSet());
        assertTrue(o.isMapped(), o.error());
        MappedResult r = o.result();
        assertEquals("loinc-sr", r.mapping());
        // L1..L4, L1-L4, L1-L3, femoral neck left, total hip left
        assertEquals(8, r.measurements().size(), r.measurements().toString());
        Measurement l4 = at(r, Site.L4, null);
        assertDecimal("1.150", l4.bmd());
        assertDecimal("20.70", l4.bmc());
        assertDecimal("18.00", l4.area());
        assertDecimal("0.3", l4.vendorTScore());
        // sent as 952 mg/cm2; the mapping's factor 0.001 gives 0.952 g/cm2
        assertDecimal("0.952", at(r, Site.L1_L4, null).bmd());
        assertDecimal("-2.0", at(r, Site.L1_L3, null).vendorTScore());
        Measurement neck = at(r, Site.FEMORAL_NECK, Laterality.LEFT);
        assertDecimal("0.680", neck.bmd());
        assertDecimal("-2.3", neck.vendorTScore());
        assertDecimal("-1.0", neck.vendorZScore()); // laterality on the NUM itself, not nested
        Measurement hip = at(r, Site.TOTAL_HIP, Laterality.LEFT); // "Hip - left" codes carry site and side
        assertDecimal("0.823", hip.bmd());
        assertDecimal("-1.3", hip.vendorTScore());
        assertEquals(Manufacturer.GE_LUNAR, r.details().scale());
        assertEquals("Lunar USA spine; NHANES III femur (example)", r.details().referenceDatabase());
        assertDecimal("158", r.details().heightCm());
        assertDecimal("60.5", r.details().weightKg());
        assertEquals("ACC500001", r.identifiers().accessionNumber());
    }

    @Test
    void oruProfileReadsObx3CodesIdentifiersAndDetails() {
        MappingOutcome o = MAPPINGS.readOru(Er7Message.parse(Samples.hl7("results/oru-r01-v251-example.hl7")));
        assertTrue(o.isMapped(), o.error());
        MappedResult r = o.result();
        assertEquals("example-oru", r.mapping());
        assertEquals(3, r.measurements().size());
        Measurement spine = at(r, Site.L1_L4, null);
        assertDecimal("1.010", spine.bmd());
        assertDecimal("66.66", spine.bmc());
        assertDecimal("66.00", spine.area());
        assertDecimal("-0.4", spine.vendorTScore());
        assertDecimal("0.738", at(r, Site.FEMORAL_NECK, Laterality.LEFT).bmd());
        assertDecimal("-0.2", at(r, Site.TOTAL_HIP, Laterality.LEFT).vendorZScore());
        assertEquals("Hologic", r.details().manufacturer());
        assertEquals(Manufacturer.HOLOGIC, r.details().scale());
        assertEquals("Horizon A", r.details().model());
        assertEquals("13.6.1", r.details().softwareVersion());
        assertEquals("NHANES III femur; vendor spine reference", r.details().referenceDatabase());
        assertDecimal("176", r.details().heightCm());
        assertDecimal("82.4", r.details().weightKg());
        assertEquals(LocalDate.of(2026, 11, 28), r.details().scanDate());
        assertEquals("ACC500002", r.identifiers().accessionNumber());
        assertEquals("RX5000002", r.identifiers().patientId());
        assertNull(r.identifiers().studyInstanceUid());
    }

    @Test
    void anSrNoMappingClaimsIsAnErrorSayingWhyEachDeclined() throws Exception {
        String basicText = Files.readString(Path.of("src/test/resources/dicom/net/basic-text-sr.dump"),
                StandardCharsets.ISO_8859_1);
        MappingOutcome o = MAPPINGS.readSr(dicom(basicText));
        assertFalse(o.isMapped());
        assertTrue(o.error().startsWith("no mapping in mappings/results matches this object"), o.error());
        assertTrue(o.error().contains("example-sr: SOP class 1.2.840.10008.5.1.4.1.1.88.11"), o.error());
        // identifiers are still read, so the console can show it against its order
        assertEquals("ACC0001", o.identifiers().accessionNumber());
    }

    @Test
    void unitsTheMappingDoesNotAcceptAreAnError() throws Exception {
        MappingOutcome o = MAPPINGS.readSr(dicom(exampleDump().replaceFirst("\\(0008,0100\\) SH \\[g/cm2]",
                "(0008,0100) SH [mg/cm2]")));
        assertFalse(o.isMapped());
        assertEquals("example-sr", o.mapping());
        assertTrue(o.error().contains("has units 'mg/cm2'; the mapping accepts [g/cm2] for BMD"), o.error());
    }

    @Test
    void aMeasurementWithoutSiteIsAnErrorNotADroppedValue() throws Exception {
        // the spine container's concept becomes one the mapping does not list as a site
        MappingOutcome o = MAPPINGS.readSr(dicom(exampleDump().replace("(0008,0100) SH [L1-L4]",
                "(0008,0100) SH [SPINE]")));
        assertFalse(o.isMapped());
        assertTrue(o.error().contains("(24966-4, LN") && o.error().contains("has no site"), o.error());
    }

    @Test
    void anUnknownFindingSiteOrAContradictingCodeIsAnError() throws Exception {
        String dump = Files.readString(Path.of("samples/dicom/loinc-sr.dump"), StandardCharsets.ISO_8859_1);
        MappingOutcome unknownSite = MAPPINGS.readSr(dicom(dump.replace("[29627003]", "[12345678]")));
        assertTrue(unknownSite.error().contains("names site (12345678, SCT"), unknownSite.error());
        // a "Hip - left" value whose laterality modifier says right
        String contradicting = dump.replace("(0008,0100) SH [80934-3]", "(0008,0100) SH [80946-7]")
                .replace("(0008,0104) LO [DXA Femur [Z-score] Bone density]", "(0008,0104) LO [Hip left T]");
        MappingOutcome o = MAPPINGS.readSr(dicom(contradicting));
        assertTrue(o.error().contains("is a TOTAL_HIP code but its context says FEMORAL_NECK"), o.error());
    }

    @Test
    void oneQuantitySentTwiceWithDifferentValuesIsAnError() {
        String twice = Samples.hl7("results/oru-r01-v251-example.hl7")
                + "OBX|18|NM|NECK_L_BMD^Left femoral neck BMD^99EXORU||0.739|g/cm2^g/cm2^UCUM|||||F\n";
        MappingOutcome o = MAPPINGS.readOru(Er7Message.parse(twice));
        assertFalse(o.isMapped());
        assertTrue(o.error().contains("BMD at FEMORAL_NECK LEFT is sent twice with different values: 0.738"),
                o.error());
        assertEquals("ACC500002", o.identifiers().accessionNumber());
    }

    @Test
    void anOruFromAnUnknownSenderIsAnError() {
        MappingOutcome o = MAPPINGS.readOru(Er7Message.parse(Samples.hl7("results/oru-r01-v251-example.hl7")
                .replace("|EXDXA|DXA|", "|OTHERDXA|DXA|")));
        assertFalse(o.isMapped());
        assertTrue(o.error().contains("example-oru: MSH-3 'OTHERDXA' does not match"), o.error());
    }

    @Test
    void mappingMistakesStopLoadingWithFileAndKey() throws Exception {
        String good = Files.readString(Path.of("mappings/results/example-oru.yaml"));
        assertLoadError(good.replace("site: L1,", "site: L0,"), "measurements[0].site: unknown value 'L0'");
        assertLoadError(good.replace("identifiers:", "identifier:"), "unknown key 'identifier'");
        assertLoadError(good.replace("  AREA: {cm2: 1}\n", ""), "units: no units given for AREA");
        assertLoadError(good.replace("format: hl7-oru", "format: csv"), "format: must be dicom-sr or hl7-oru");
        assertLoadError(good.replace("sendingApplication: \"^EXDXA$\"", "sendingApplication: \"[\""),
                "matches.sendingApplication: not a regular expression");
    }

    private void assertLoadError(String yaml, String expected) throws Exception {
        Path dir = Files.createTempDirectory(work, "m");
        Files.writeString(dir.resolve("broken.yaml"), yaml);
        ConfException e = assertThrows(ConfException.class, () -> ResultMappings.load(dir));
        // file:line:column, then the key path and what is wrong
        String at = Pattern.quote(dir.resolve("broken.yaml") + ":") + "\\d+:\\d+: .*";
        assertTrue(e.problems().stream().anyMatch(p -> p.matches(at) && p.contains(expected)), e.getMessage());
    }
}
