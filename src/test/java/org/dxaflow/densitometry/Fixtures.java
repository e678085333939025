package org.dxaflow.densitometry;

import org.dxaflow.clinical.Sex;
import org.dxaflow.densitometry.conf.ReferenceDataLoader;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Shared test inputs. The conf under test is the shipped one in {@code conf/} (cited values only). */
final class Fixtures {

    /** Loaded once; immutable. */
    static final DensitometryConfig CONF = new ReferenceDataLoader().load(Path.of("conf"));

    /** Scan date used throughout; a woman born 1955-03-12 is 71 on it. */
    static final LocalDate SCAN = LocalDate.of(2026, 11, 28);

    private Fixtures() {
    }

    static DensitometryCalculator calculator() {
        return new DensitometryCalculator(CONF);
    }

    static DensitometryCalculator calculator(DensitometrySettings settings) {
        return new DensitometryCalculator(new DensitometryConfig(CONF.referenceData(), settings, CONF.lsc(),
                CONF.menopausalStatus()));
    }

    static DensitometrySettings settings(Sex menReference) {
        DensitometrySettings s = CONF.settings();
        return new DensitometrySettings(menReference, s.whoNormalMin(), s.whoOsteoporosisMax(), s.whoMinimumAgeMen(),
                s.zScoreBelowExpectedMax(), s.zWordingBelow(), s.zWordingWithin(), s.vendorDisagreementThreshold(),
                s.vertebralExclusionDifference(), s.minimumVertebrae(), s.vfaFractureFromGenantGrade(), s.rounding(),
                s.fraxToolUrl(), s.source());
    }

    /** Postmenopausal woman aged 71, Hologic, no fracture. */
    static ScanInput postmenopausal(Measurement... sites) {
        return woman(true, LocalDate.of(1955, 3, 12), Manufacturer.HOLOGIC, false, sites);
    }

    static ScanInput woman(boolean menopausal, LocalDate birth, Manufacturer manufacturer, boolean fracture,
                           Measurement... sites) {
        return new ScanInput(Sex.F, birth, SCAN, manufacturer, menopausal, fracture, false, List.of(sites), null, null);
    }

    static ScanInput man(LocalDate birth, Measurement... sites) {
        return new ScanInput(Sex.M, birth, SCAN, Manufacturer.HOLOGIC, null, false, false, List.of(sites), null, null);
    }

    static ScanInput withPrior(ScanInput in, Manufacturer priorManufacturer, Measurement... priorSites) {
        return new ScanInput(in.sex(), in.birthDate(), in.scanDate(), in.manufacturer(), in.menopausal(),
                in.fragilityFracture(), in.vfaVertebralFracture(), in.measurements(),
                new PriorScan(in.scanDate().minusYears(2), priorManufacturer, List.of(priorSites)), in.referral());
    }

    static Measurement fn(String bmd) {
        return Measurement.of(Site.FEMORAL_NECK, Laterality.LEFT, bmd);
    }

    static Measurement th(String bmd) {
        return Measurement.of(Site.TOTAL_HIP, Laterality.LEFT, bmd);
    }

    /** A single vertebra with the vendor's T-score and its BMC (g) / area (cm²). */
    static Measurement vertebra(Site v, String bmd, String vendorT, String bmc, String area) {
        return Measurement.of(v, null, bmd).withVendorScores(vendorT, null).withBmcArea(bmc, area);
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static SiteResult site(DensitometryResult r, Site site) {
        return r.sites().stream().filter(s -> s.site() == site).findFirst().orElseThrow();
    }

    static boolean hasFlag(DensitometryResult r, FlagCode code) {
        return r.flags().stream().anyMatch(f -> f.code() == code);
    }
}
