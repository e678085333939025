package org.dxaflow.densitometry.conf;

import org.dxaflow.clinical.MenopausalStatusRule;
import org.dxaflow.densitometry.CrossCalibration;
import org.dxaflow.densitometry.DeviceLsc;
import org.dxaflow.densitometry.DeviceSelector;
import org.dxaflow.densitometry.DensitometrySettings;
import org.dxaflow.densitometry.LeastSignificantChange;
import org.dxaflow.densitometry.Rounding;
import org.dxaflow.densitometry.Sex;
import org.dxaflow.densitometry.Site;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads conf/densitometry/settings.yaml (thresholds, switches), lsc.yaml (least significant change per
 * device, cross-calibrations) and conf/clinical/menopausal-status.yaml.
 */
final class SettingsLoader {

    /** A spine combination label such as "L1,L2,L4" (contiguous ranges use the site name, "L1-L3"). */
    private static final Pattern SPINE_COMBINATION = Pattern.compile("L[1-4](,L[1-4])+");

    private final YamlTreeReader yaml;

    SettingsLoader(YamlTreeReader yaml) {
        this.yaml = yaml;
    }

    DensitometrySettings loadSettings(Path file, ConfigErrors errors) {
        MapReader r = MapReader.of(yaml.read(file, errors), "file", errors);
        if (r == null) {
            return null;
        }
        r.onlyKeys(Set.of("kind", "citation", "tScoreReferenceForMen", "who", "zScore", "vendorDisagreementThreshold",
                "vertebralExclusion", "vfa", "reporting", "fraxToolUrl"));
        expectKind(r, "settings", errors);
        r.string("citation");
        Sex menReference = r.enumValue("tScoreReferenceForMen", SettingsLoader::sexWord, "female, male");
        MapReader who = r.map("who");
        MapReader z = r.map("zScore");
        MapReader vertebral = r.map("vertebralExclusion");
        MapReader reporting = r.map("reporting");
        BigDecimal vendor = r.positiveDecimal("vendorDisagreementThreshold");
        MapReader vfa = r.map("vfa");
        String frax = r.string("fraxToolUrl");
        if (who == null || z == null || vertebral == null || reporting == null || vfa == null) {
            return null;
        }
        who.onlyKeys(Set.of("normalMin", "osteoporosisMax", "minimumAgeMen", "citation"));
        z.onlyKeys(Set.of("belowExpectedMax", "wordingBelow", "wordingWithin", "citation"));
        vertebral.onlyKeys(Set.of("tScoreDifference", "minimumVertebrae", "citation"));
        reporting.onlyKeys(Set.of("scoreDecimals", "bmdDecimals", "percentDecimals", "citation"));
        vfa.onlyKeys(Set.of("fractureFromGenantGrade", "citation"));
        Stream.of(who, z, vertebral, reporting, vfa).forEach(m -> m.string("citation"));
        Integer vfaGrade = vfa.integer("fractureFromGenantGrade", 1, 3);
        BigDecimal normalMin = who.decimal("normalMin");
        BigDecimal osteoporosisMax = who.decimal("osteoporosisMax");
        Integer minAgeMen = who.integer("minimumAgeMen", 0, 130);
        BigDecimal zBelow = z.decimal("belowExpectedMax");
        String wordingBelow = z.string("wordingBelow");
        String wordingWithin = z.string("wordingWithin");
        BigDecimal difference = vertebral.positiveDecimal("tScoreDifference");
        Integer minVertebrae = vertebral.integer("minimumVertebrae", 1, 4);
        Integer scoreDecimals = reporting.integer("scoreDecimals", 0, 6);
        Integer bmdDecimals = reporting.integer("bmdDecimals", 0, 6);
        Integer percentDecimals = reporting.integer("percentDecimals", 0, 6);
        if (normalMin != null && osteoporosisMax != null && osteoporosisMax.compareTo(normalMin) >= 0) {
            errors.add(who.where("osteoporosisMax"), "osteoporosisMax must be below normalMin");
            return null;
        }
        if (Stream.of(menReference, normalMin, osteoporosisMax, minAgeMen, zBelow, wordingBelow, wordingWithin, vendor,
                difference, minVertebrae, vfaGrade, scoreDecimals, bmdDecimals, percentDecimals, frax)
                .anyMatch(x -> x == null)) {
            return null;
        }
        return new DensitometrySettings(menReference, normalMin, osteoporosisMax, minAgeMen, zBelow, wordingBelow,
                wordingWithin, vendor, difference, minVertebrae, vfaGrade,
                new Rounding(scoreDecimals, bmdDecimals, percentDecimals), frax, r.where());
    }

    LeastSignificantChange loadLsc(Path file, ConfigErrors errors) {
        MapReader r = MapReader.of(yaml.read(file, errors), "file", errors);
        if (r == null) {
            return null;
        }
        r.onlyKeys(Set.of("kind", "citation", "defaults", "devices", "crossCalibrations"));
        expectKind(r, "lsc", errors);
        String citation = r.string("citation");
        MapReader defaults = r.map("defaults");
        DeviceLsc shipped = null;
        if (defaults != null) {
            defaults.onlyKeys(Set.of("name", "values"));
            String name = defaults.string("name");
            Map<String, BigDecimal> values = regionValues(defaults.map("values"), errors);
            shipped = name == null ? null : new DeviceLsc(null, name, null, values, true);
        }
        List<DeviceLsc> devices = new ArrayList<>();
        for (YamlNode n : r.list("devices")) {
            MapReader d = MapReader.of(n, "a device entry", errors);
            if (d == null) {
                continue;
            }
            d.onlyKeys(Set.of("name", "device", "precisionStudy", "values"));
            String name = d.string("name");
            DeviceSelector selector = selector(d.map("device"), errors);
            DeviceLsc.PrecisionStudyInfo study = study(d.map("precisionStudy"), errors);
            Map<String, BigDecimal> values = regionValues(d.map("values"), errors);
            if (name != null && selector != null && study != null) {
                devices.add(new DeviceLsc(selector, name, study, values, false));
            }
        }
        List<CrossCalibration> cross = new ArrayList<>();
        for (YamlNode n : r.list("crossCalibrations")) {
            MapReader c = MapReader.of(n, "a cross-calibration entry", errors);
            if (c == null) {
                continue;
            }
            c.onlyKeys(Set.of("from", "to", "date", "patients", "sites"));
            DeviceSelector from = selector(c.map("from"), errors);
            DeviceSelector to = selector(c.map("to"), errors);
            LocalDate date = date(c, "date", errors);
            Integer patients = c.integer("patients", 1, 100000);
            Map<String, CrossCalibration.SiteCalibration> sites = new LinkedHashMap<>();
            MapReader siteMap = c.map("sites");
            if (siteMap != null) {
                for (Map.Entry<String, YamlNode> e : siteMap.entries().entrySet()) {
                    Optional<String> label = regionLabel(e.getKey());
                    MapReader s = MapReader.of(e.getValue(), "'" + e.getKey() + "'", errors);
                    if (label.isEmpty()) {
                        errors.add(e.getValue().where(), "unknown region '" + e.getKey() + "'");
                        continue;
                    }
                    if (s == null) {
                        continue;
                    }
                    s.onlyKeys(Set.of("slope", "intercept", "lsc"));
                    BigDecimal slope = s.positiveDecimal("slope");
                    BigDecimal intercept = s.decimal("intercept");
                    BigDecimal lscValue = s.positiveDecimal("lsc");
                    if (slope != null && intercept != null && lscValue != null) {
                        sites.put(label.get(), new CrossCalibration.SiteCalibration(slope, intercept, lscValue));
                    }
                }
            }
            if (from != null && to != null && date != null && patients != null) {
                cross.add(new CrossCalibration(from, to, date, patients, sites));
            }
        }
        if (citation == null || shipped == null) {
            return null;
        }
        return new LeastSignificantChange(citation, shipped, devices, cross, file.getFileName().toString());
    }

    private static DeviceSelector selector(MapReader m, ConfigErrors errors) {
        if (m == null) {
            return null;
        }
        m.onlyKeys(Set.of("manufacturer", "model", "serialNumber", "stationName"));
        DeviceSelector s = new DeviceSelector(m.optionalString("manufacturer"), m.optionalString("model"),
                m.optionalString("serialNumber"), m.optionalString("stationName"));
        if (s.serialNumber() == null && s.stationName() == null) {
            errors.add(m.where(), "a device is named by serialNumber or stationName (Device Serial Number"
                    + " (0018,1000) or Station Name (0008,1010)); manufacturer and model alone match every such machine");
            return null;
        }
        return s;
    }

    private static DeviceLsc.PrecisionStudyInfo study(MapReader m, ConfigErrors errors) {
        if (m == null) {
            return null;
        }
        m.onlyKeys(Set.of("date", "patients", "scansPerPatient"));
        LocalDate date = date(m, "date", errors);
        Integer patients = m.integer("patients", 2, 100000);
        Integer scans = m.integer("scansPerPatient", 2, 10);
        return date == null || patients == null || scans == null ? null
                : new DeviceLsc.PrecisionStudyInfo(date, patients, scans);
    }

    private static LocalDate date(MapReader m, String key, ConfigErrors errors) {
        String text = m.string(key);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(m.where(key), "'" + key + "' must be a date YYYY-MM-DD, was '" + text + "'");
            return null;
        }
    }

    private static Map<String, BigDecimal> regionValues(MapReader values, ConfigErrors errors) {
        Map<String, BigDecimal> lsc = new LinkedHashMap<>();
        if (values == null) {
            return lsc;
        }
        for (Map.Entry<String, YamlNode> e : values.entries().entrySet()) {
            Optional<String> label = regionLabel(e.getKey());
            if (label.isEmpty()) {
                errors.add(e.getValue().where(), "unknown region '" + e.getKey()
                        + "' (a site such as FEMORAL_NECK or L1-L4, or a vertebra list such as L1,L2,L4)");
                continue;
            }
            BigDecimal v = values.positiveDecimal(e.getKey());
            if (v != null && lsc.putIfAbsent(label.get(), v) != null) {
                errors.add(e.getValue().where(), "region '" + label.get() + "' given twice");
            }
        }
        return lsc;
    }

    MenopausalStatusRule loadMenopausalStatus(Path file, ConfigErrors errors) {
        MapReader r = MapReader.of(yaml.read(file, errors), "file", errors);
        if (r == null) {
            return null;
        }
        r.onlyKeys(Set.of("kind", "citation", "unstated"));
        expectKind(r, "menopausal-status", errors);
        String citation = r.string("citation");
        MapReader unstated = r.map("unstated");
        if (unstated == null || citation == null) {
            return null;
        }
        unstated.onlyKeys(Set.of("assumePostmenopausalFromAgeYears"));
        String key = "assumePostmenopausalFromAgeYears";
        OptionalInt age;
        if (!unstated.has(key)) {
            errors.add(unstated.where(), "missing required key '" + key + "' (an age, or none)");
            return null;
        }
        YamlNode v = unstated.entries().get(key);
        if (v instanceof YamlNode.ScalarNode s && !s.number() && "none".equalsIgnoreCase(s.text().trim())) {
            age = OptionalInt.empty();
        } else {
            Integer years = unstated.integer(key, 18, 130);
            if (years == null) {
                return null;
            }
            age = OptionalInt.of(years);
        }
        return new MenopausalStatusRule(age, citation, v.where());
    }

    /** Normalises a region key to the label the engine uses ("L1_L4" → "L1-L4"). */
    static Optional<String> regionLabel(String key) {
        String k = key.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        if (SPINE_COMBINATION.matcher(k).matches()) {
            return Optional.of(k);
        }
        return Site.parse(k).map(Site::externalName);
    }

    private static void expectKind(MapReader r, String kind, ConfigErrors errors) {
        String k = r.string("kind");
        if (k != null && !kind.equals(k)) {
            errors.add(r.where("kind"), "expected kind '" + kind + "', found '" + k + "'");
        }
    }

    private static Optional<Sex> sexWord(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "female" -> Optional.of(Sex.F);
            case "male" -> Optional.of(Sex.M);
            default -> Optional.empty();
        };
    }
}
