package org.dxaflow.densitometry.conf;

import org.dxaflow.clinical.Sex;
import org.dxaflow.conf.ConfException;
import org.dxaflow.densitometry.DensitometryConfig;
import org.dxaflow.densitometry.DeviceLsc;
import org.dxaflow.densitometry.DeviceIdentity;
import org.dxaflow.densitometry.Manufacturer;
import org.dxaflow.densitometry.ReferencePopulation;
import org.dxaflow.densitometry.Site;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceDataLoaderTest {

    private final ReferenceDataLoader loader = new ReferenceDataLoader();

    @Test
    void shippedConfLoadsWithCitedValues() {
        DensitometryConfig conf = loader.load(Path.of("conf"));
        ReferencePopulation neck = conf.referenceData().youngAdult(Site.FEMORAL_NECK, Sex.F).orElseThrow();
        assertEquals(new BigDecimal("0.858"), neck.mean());
        assertEquals(new BigDecimal("0.120"), neck.sd());
        assertEquals(Manufacturer.HOLOGIC, neck.scale());
        assertTrue(neck.citation().contains("Looker"));
        assertTrue(neck.source().startsWith("nhanes3-femur.yaml:"));
        ReferencePopulation hip = conf.referenceData().youngAdult(Site.TOTAL_HIP, Sex.F).orElseThrow();
        assertEquals(new BigDecimal("0.942"), hip.mean());
        assertEquals(new BigDecimal("0.122"), hip.sd());
        // nothing invented: no male, spine or forearm references, no Z bands beyond women 20-29
        assertTrue(conf.referenceData().youngAdult(Site.FEMORAL_NECK, Sex.M).isEmpty());
        assertTrue(conf.referenceData().youngAdult(Site.L1_L4, Sex.F).isEmpty());
        assertTrue(conf.referenceData().youngAdult(Site.RADIUS_33, Sex.F).isEmpty());
        assertTrue(conf.referenceData().ageMatched(Site.FEMORAL_NECK, Sex.F, 30).isEmpty());
        assertTrue(conf.referenceData().ageMatched(Site.FEMORAL_NECK, Sex.F, 29).isPresent());
        assertEquals(new BigDecimal("0.939"),
                conf.referenceData().sbmdEquation(Manufacturer.GE_LUNAR, Site.FEMORAL_NECK).orElseThrow().slope());
        assertTrue(conf.referenceData().sbmdEquation(Manufacturer.OTHER, Site.FEMORAL_NECK).isEmpty());
        assertEquals(new BigDecimal("0.030"), conf.lsc().defaults().forRegion("L1-L4").orElseThrow());
        assertTrue(conf.lsc().defaults().shippedDefault());
        assertEquals(55, conf.menopausalStatus().assumePostmenopausalFromAgeYears().getAsInt());
        assertEquals(new BigDecimal("-2.5"), conf.settings().whoOsteoporosisMax());
        assertEquals(Sex.F, conf.settings().tScoreReferenceForMen());
    }

    /** Copies the shipped conf into a temp dir and replaces one reference-data file. */
    private Path confWith(Path tmp, String fileName, String yaml) throws IOException {
        Path ref = Files.createDirectories(tmp.resolve("reference-data"));
        Path dens = Files.createDirectories(tmp.resolve("densitometry"));
        for (String f : List.of("nhanes3-femur.yaml", "sbmd-equations.yaml")) {
            Files.copy(Path.of("conf/reference-data").resolve(f), ref.resolve(f));
        }
        for (String f : List.of("settings.yaml", "lsc.yaml")) {
            Files.copy(Path.of("conf/densitometry").resolve(f), dens.resolve(f));
        }
        Path clinical = Files.createDirectories(tmp.resolve("clinical"));
        Files.copy(Path.of("conf/clinical/menopausal-status.yaml"), clinical.resolve("menopausal-status.yaml"));
        Path target = fileName.endsWith("settings.yaml") || fileName.endsWith("lsc.yaml")
                ? dens.resolve(fileName) : ref.resolve(fileName);
        Files.writeString(target, yaml);
        return tmp;
    }

    private List<String> problems(Path confDir) {
        return assertThrows(ConfException.class, () -> loader.load(confDir)).problems();
    }

    /** A problem at {@code file:line} (any column) saying {@code message}. */
    private static boolean hasProblem(List<String> problems, Path file, int line, String message) {
        return problems.stream().anyMatch(p -> p.startsWith(file + ":" + line + ":") && p.contains(message));
    }

    @Test
    void populationErrorsNameFileAndLine(@TempDir Path tmp) throws IOException {
        String yaml = """
                kind: reference-populations
                dataset: test
                version: "1"
                citation: "test"
                populations:
                  - id: bad-band
                    name: "bad"
                    site: FEMUR_HEAD
                    sex: F
                    ageFrom: 30
                    ageTo: 39
                    mean: 0.800
                    sd: -0.1
                    uses: [Z_SCORE]
                    scale: HOLOGIC
                    colour: red
                """;
        List<String> p = problems(confWith(tmp, "extra.yaml", yaml));
        Path extra = tmp.resolve("reference-data/extra.yaml");
        assertTrue(hasProblem(p, extra, 8, "populations[0].site: unknown value 'FEMUR_HEAD' (allowed: site names"
                + " such as FEMORAL_NECK, TOTAL_HIP, L1-L4)"), p.toString());
        assertTrue(hasProblem(p, extra, 13, "populations[0].sd: must be greater than 0, was -0.1"), p.toString());
        assertTrue(hasProblem(p, extra, 6, "missing required key 'populations[0].citation'"), p.toString());
        assertTrue(hasProblem(p, extra, 16, "unknown key 'colour'"), p.toString());
    }

    @Test
    void overlappingBandsAndSecondYoungAdultReferenceAreRejected(@TempDir Path tmp) throws IOException {
        String yaml = """
                kind: reference-populations
                dataset: test
                version: "1"
                citation: "test"
                populations:
                  - {id: dup-young, name: x, site: FEMORAL_NECK, sex: F, ageFrom: 25, ageTo: 35, mean: 0.9, sd: 0.1, uses: [T_SCORE, Z_SCORE], scale: HOLOGIC, citation: c}
                """;
        List<String> p = problems(confWith(tmp, "extra.yaml", yaml));
        Path referenceData = tmp.resolve("reference-data");
        assertTrue(p.stream().anyMatch(s -> s.startsWith(referenceData.resolve("nhanes3-femur.yaml") + ":")
                && s.contains("overlaps") || s.startsWith(referenceData.resolve("extra.yaml") + ":6:")
                && s.contains("overlaps")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("second young-adult T-score reference for FEMORAL_NECK")), p.toString());
    }

    @Test
    void invalidYamlReportsLine(@TempDir Path tmp) throws IOException {
        List<String> p = problems(confWith(tmp, "broken.yaml", "kind: reference-populations\npopulations: [\n  - a: b\n"));
        assertTrue(p.stream().anyMatch(s -> s.startsWith(tmp.resolve("reference-data/broken.yaml") + ":")
                && s.contains("YAML syntax error")), p.toString());
    }

    @Test
    void unknownKindIsRejected(@TempDir Path tmp) throws IOException {
        List<String> p = problems(confWith(tmp, "odd.yaml", "kind: guesses\n"));
        assertTrue(hasProblem(p, tmp.resolve("reference-data/odd.yaml"), 1,
                "kind: unknown value 'guesses' (allowed: reference-populations, sbmd-equations)"), p.toString());
    }

    @Test
    void settingsThresholdsMustBeOrdered(@TempDir Path tmp) throws IOException {
        String settings = Files.readString(Path.of("conf/densitometry/settings.yaml"))
                .replace("osteoporosisMax: -2.5", "osteoporosisMax: -0.5");
        List<String> p = problems(confWith(tmp, "settings.yaml", settings));
        assertTrue(p.stream().anyMatch(s -> s.startsWith(tmp.resolve("densitometry/settings.yaml") + ":")
                && s.contains("osteoporosisMax: must be below normalMin")), p.toString());
    }

    @Test
    void lscRegionsAreValidatedAndComboKeysAccepted(@TempDir Path tmp) throws IOException {
        String lsc = """
                kind: lsc
                citation: "own precision study 2026"
                defaults:
                  name: test centre
                  values:
                    L1-L4: 0.028
                    L1,L2,L4: 0.033
                    KNEE: 0.01
                    FEMORAL_NECK: -0.02
                devices: []
                crossCalibrations: []
                """;
        List<String> p = problems(confWith(tmp, "lsc.yaml", lsc));
        Path lscFile = tmp.resolve("densitometry/lsc.yaml");
        assertTrue(hasProblem(p, lscFile, 8, "unknown region 'KNEE'"), p.toString());
        assertTrue(hasProblem(p, lscFile, 9, "FEMORAL_NECK: must be greater than 0, was -0.02"), p.toString());
        assertEquals(2, p.size(), p.toString());
    }

    @Test
    void serviceSpecificLscFileCanBeLoaded(@TempDir Path tmp) throws IOException {
        Path lsc = tmp.resolve("centre-lsc.yaml");
        Files.writeString(lsc, """
                kind: lsc
                citation: "own precision study 2026"
                defaults:
                  name: shipped
                  values: {L1-L4: 0.030}
                devices:
                  - name: "Room 2"
                    device: {serialNumber: "301234"}
                    precisionStudy: {date: 2026-03-02, patients: 30, scansPerPatient: 2}
                    values:
                      L1-L4: 0.028
                      L1,L2,L4: 0.033
                crossCalibrations:
                  - from: {serialNumber: "L-1"}
                    to: {serialNumber: "301234"}
                    date: 2026-06-01
                    patients: 30
                    sites:
                      TOTAL_HIP: {slope: 1.012, intercept: -0.004, lsc: 0.030}
                """);
        DensitometryConfig conf = loader.load(Path.of("conf/reference-data"),
                Path.of("conf/densitometry/settings.yaml"), lsc, Path.of("conf/clinical/menopausal-status.yaml"));
        DeviceLsc room2 = conf.lsc().forDevice(new DeviceIdentity("Hologic", "Horizon A", "301234", null));
        assertEquals(new BigDecimal("0.033"), room2.forRegion("L1,L2,L4").orElseThrow());
        assertTrue(room2.forRegion("FEMORAL_NECK").isEmpty());
        assertFalse(room2.shippedDefault());
        assertTrue(conf.lsc().forDevice(new DeviceIdentity("Hologic", null, "999", null)).shippedDefault());
        assertTrue(conf.warnings().isEmpty());
        assertEquals(new BigDecimal("1.012"), conf.lsc().crossCalibration(new DeviceIdentity(null, null, "L-1", null),
                new DeviceIdentity(null, null, "301234", null)).orElseThrow().forRegion("TOTAL_HIP").orElseThrow().slope());
    }

    @Test
    void shippedDefaultsAloneAreAConfigurationWarning() {
        DensitometryConfig conf = loader.load(Path.of("conf"));
        assertEquals(1, conf.warnings().size());
        assertTrue(conf.warnings().get(0).contains("lsc.yaml"));
        assertTrue(conf.warnings().get(0).contains("not this centre's precision"));
    }

    @Test
    void deviceNamedOnlyByManufacturerIsRefusedWithItsLine(@TempDir Path tmp) throws IOException {
        Path lsc = tmp.resolve("lsc.yaml");
        Files.writeString(lsc, """
                kind: lsc
                citation: "x"
                defaults:
                  name: shipped
                  values: {L1-L4: 0.030}
                devices:
                  - name: "any Hologic"
                    device: {manufacturer: Hologic}
                    precisionStudy: {date: 2026-03-02, patients: 30, scansPerPatient: 2}
                    values: {L1-L4: 0.028}
                crossCalibrations: []
                """);
        List<String> problems = assertThrows(ConfException.class, () -> loader.load(Path.of("conf/reference-data"),
                Path.of("conf/densitometry/settings.yaml"), lsc, Path.of("conf/clinical/menopausal-status.yaml")))
                .problems();
        assertEquals(1, problems.size());
        assertTrue(hasProblem(problems, lsc, 8, "a device is named by serialNumber or stationName"), problems.get(0));
    }

    @Test
    void menopausalRuleCanBeSwitchedOffButNotLeftOut(@TempDir Path tmp) throws IOException {
        Path none = tmp.resolve("none.yaml");
        Files.writeString(none, "kind: menopausal-status\ncitation: x\nunstated:\n  assumePostmenopausalFromAgeYears: none\n");
        DensitometryConfig conf = loader.load(Path.of("conf/reference-data"),
                Path.of("conf/densitometry/settings.yaml"), Path.of("conf/densitometry/lsc.yaml"), none);
        assertTrue(conf.menopausalStatus().assumePostmenopausalFromAgeYears().isEmpty());
        Path missing = tmp.resolve("missing.yaml");
        Files.writeString(missing, "kind: menopausal-status\ncitation: x\nunstated: {}\n");
        List<String> problems = assertThrows(ConfException.class, () -> loader.load(Path.of("conf/reference-data"),
                Path.of("conf/densitometry/settings.yaml"), Path.of("conf/densitometry/lsc.yaml"), missing)).problems();
        assertTrue(problems.get(0).contains("assumePostmenopausalFromAgeYears"), problems.toString());
    }
}
