package org.dxaflow.densitometry.conf;

import org.dxaflow.clinical.MenopausalStatusRule;
import org.dxaflow.clinical.Sex;
import org.dxaflow.conf.ConfNode;
import org.dxaflow.conf.ConfProblems;
import org.dxaflow.conf.YamlFile;
import org.dxaflow.densitometry.CrossCalibration;
import org.dxaflow.densitometry.DeviceLsc;
import org.dxaflow.densitometry.DeviceSelector;
import org.dxaflow.densitometry.DensitometrySettings;
import org.dxaflow.densitometry.LeastSignificantChange;
import org.dxaflow.densitometry.Rounding;
import org.dxaflow.densitometry.Site;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads conf/densitometry/settings.yaml (thresholds, switches), lsc.yaml (least significant change per
 * device, cross-calibrations) and conf/clinical/menopausal-status.yaml. Each returns null when the
 * file has a problem (it is in {@code problems}, and the caller fails the load), so a value object
 * is only built from values that were read cleanly.
 */
final class SettingsLoader {

    /** A spine combination label such as "L1,L2,L4" (contiguous ranges use the site name, "L1-L3"). */
    private static final Pattern SPINE_COMBINATION = Pattern.compile("L[1-4](,L[1-4])+");

    DensitometrySettings loadSettings(Path file, ConfProblems problems) {
        int before = problems.count();
        ConfNode r = YamlFile.read(file, problems);
        expectKind(r, "settings");
        r.nonBlank("citation");
        Optional<Sex> menReference = r.get("tScoreReferenceForMen").parse(SettingsLoader::sexWord, "female, male");
        ConfNode who = r.map("who");
        ConfNode z = r.map("zScore");
        ConfNode vertebral = r.map("vertebralExclusion");
        ConfNode reporting = r.map("reporting");
        BigDecimal vendor = r.positiveDecimal("vendorDisagreementThreshold");
        ConfNode vfa = r.map("vfa");
        String frax = r.nonBlank("fraxToolUrl");
        Stream.of(who, z, vertebral, reporting, vfa).forEach(m -> m.nonBlank("citation"));
        int vfaGrade = vfa.integer("fractureFromGenantGrade", 1, 3);
        BigDecimal normalMin = who.decimal("normalMin");
        BigDecimal osteoporosisMax = who.decimal("osteoporosisMax");
        int minAgeMen = who.integer("minimumAgeMen", 0, 130);
        BigDecimal zBelow = z.decimal("belowExpectedMax");
        String wordingBelow = z.nonBlank("wordingBelow");
        String wordingWithin = z.nonBlank("wordingWithin");
        BigDecimal difference = vertebral.positiveDecimal("tScoreDifference");
        int minVertebrae = vertebral.integer("minimumVertebrae", 1, 4);
        int scoreDecimals = reporting.integer("scoreDecimals", 0, 6);
        int bmdDecimals = reporting.integer("bmdDecimals", 0, 6);
        int percentDecimals = reporting.integer("percentDecimals", 0, 6);
        if (problems.count() == before && osteoporosisMax.compareTo(normalMin) >= 0) {
            who.problem("osteoporosisMax", "must be below normalMin");
        }
        Stream.of(r, who, z, vertebral, reporting, vfa).forEach(ConfNode::finish);
        if (problems.count() > before) {
            return null;
        }
        return new DensitometrySettings(menReference.get(), normalMin, osteoporosisMax, minAgeMen, zBelow,
                wordingBelow, wordingWithin, vendor, difference, minVertebrae, vfaGrade,
                new Rounding(scoreDecimals, bmdDecimals, percentDecimals), frax, r.location().shortForm());
    }

    LeastSignificantChange loadLsc(Path file, ConfProblems problems) {
        int before = problems.count();
        ConfNode r = YamlFile.read(file, problems);
        expectKind(r, "lsc");
        String citation = r.nonBlank("citation");
        ConfNode defaults = r.map("defaults");
        String defaultName = defaults.nonBlank("name");
        Map<String, BigDecimal> defaultValues = regionValues(defaults.map("values"));
        defaults.finish();
        List<DeviceLsc> devices = new ArrayList<>();
        for (ConfNode d : r.list("devices")) {
            int itemBefore = problems.count();
            String name = d.nonBlank("name");
            Optional<DeviceSelector> selector = selector(d.map("device"));
            Optional<DeviceLsc.PrecisionStudyInfo> study = study(d.map("precisionStudy"));
            Map<String, BigDecimal> values = regionValues(d.map("values"));
            d.finish();
            if (problems.count() == itemBefore) {
                devices.add(new DeviceLsc(selector.get(), name, study.get(), values, false));
            }
        }
        List<CrossCalibration> cross = new ArrayList<>();
        for (ConfNode c : r.list("crossCalibrations")) {
            int itemBefore = problems.count();
            Optional<DeviceSelector> from = selector(c.map("from"));
            Optional<DeviceSelector> to = selector(c.map("to"));
            Optional<LocalDate> date = date(c.get("date"));
            int patients = c.integer("patients", 1, 100000);
            Map<String, CrossCalibration.SiteCalibration> sites = new LinkedHashMap<>();
            for (Map.Entry<String, ConfNode> e : c.map("sites").entries().entrySet()) {
                Optional<String> label = regionLabel(e.getKey());
                if (label.isEmpty()) {
                    e.getValue().problem("unknown region '" + e.getKey() + "'");
                    continue;
                }
                ConfNode s = e.getValue();
                BigDecimal slope = s.positiveDecimal("slope");
                BigDecimal intercept = s.decimal("intercept");
                BigDecimal lscValue = s.positiveDecimal("lsc");
                s.finish();
                sites.put(label.get(), new CrossCalibration.SiteCalibration(slope, intercept, lscValue));
            }
            c.finish();
            if (problems.count() == itemBefore) {
                cross.add(new CrossCalibration(from.get(), to.get(), date.get(), patients, sites));
            }
        }
        r.finish();
        if (problems.count() > before) {
            return null;
        }
        return new LeastSignificantChange(citation, new DeviceLsc(null, defaultName, null, defaultValues, true),
                devices, cross, file.getFileName().toString());
    }

    private static Optional<DeviceSelector> selector(ConfNode m) {
        if (!m.isMap()) {
            return Optional.empty();
        }
        DeviceSelector s = new DeviceSelector(optional(m, "manufacturer"), optional(m, "model"),
                optional(m, "serialNumber"), optional(m, "stationName"));
        m.finish();
        if (s.serialNumber() == null && s.stationName() == null) {
            m.problem("a device is named by serialNumber or stationName (Device Serial Number"
                    + " (0018,1000) or Station Name (0008,1010)); manufacturer and model alone match every such machine");
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** A selector key left out matches any device: null, not empty text. */
    private static String optional(ConfNode m, String key) {
        return m.has(key) ? m.nonBlank(key) : null;
    }

    private static Optional<DeviceLsc.PrecisionStudyInfo> study(ConfNode m) {
        Optional<LocalDate> date = date(m.get("date"));
        int patients = m.integer("patients", 2, 100000);
        int scans = m.integer("scansPerPatient", 2, 10);
        m.finish();
        return date.map(d -> new DeviceLsc.PrecisionStudyInfo(d, patients, scans));
    }

    private static Optional<LocalDate> date(ConfNode n) {
        return n.parse(text -> {
            try {
                return Optional.of(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }, "a date YYYY-MM-DD");
    }

    private static Map<String, BigDecimal> regionValues(ConfNode values) {
        Map<String, BigDecimal> lsc = new LinkedHashMap<>();
        for (Map.Entry<String, ConfNode> e : values.entries().entrySet()) {
            Optional<String> label = regionLabel(e.getKey());
            if (label.isEmpty()) {
                e.getValue().problem("unknown region '" + e.getKey()
                        + "' (a site such as FEMORAL_NECK or L1-L4, or a vertebra list such as L1,L2,L4)");
                continue;
            }
            BigDecimal v = values.positiveDecimal(e.getKey());
            if (lsc.putIfAbsent(label.get(), v) != null) {
                e.getValue().problem("region '" + label.get() + "' given twice");
            }
        }
        return lsc;
    }

    MenopausalStatusRule loadMenopausalStatus(Path file, ConfProblems problems) {
        int before = problems.count();
        ConfNode r = YamlFile.read(file, problems);
        expectKind(r, "menopausal-status");
        String citation = r.nonBlank("citation");
        ConfNode unstated = r.map("unstated");
        ConfNode fromAge = unstated.get("assumePostmenopausalFromAgeYears");
        Optional<OptionalInt> age = fromAge.parse(SettingsLoader::ageOrNone, "an age from 18 to 130, or none");
        Stream.of(r, unstated).forEach(ConfNode::finish);
        if (problems.count() > before) {
            return null;
        }
        return new MenopausalStatusRule(age.get(), citation, fromAge.location().shortForm());
    }

    /** "none" switches the assumption off; it must be said, never left out. */
    private static Optional<OptionalInt> ageOrNone(String text) {
        if (text.equalsIgnoreCase("none")) {
            return Optional.of(OptionalInt.empty());
        }
        try {
            int years = Integer.parseInt(text);
            return years >= 18 && years <= 130 ? Optional.of(OptionalInt.of(years)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Normalises a region key to the label the engine uses ("L1_L4" → "L1-L4"). */
    static Optional<String> regionLabel(String key) {
        String k = key.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        if (SPINE_COMBINATION.matcher(k).matches()) {
            return Optional.of(k);
        }
        return Site.parse(k).map(Site::externalName);
    }

    private static void expectKind(ConfNode r, String kind) {
        r.get("kind").parse(k -> Optional.of(k).filter(kind::equals), kind);
    }

    private static Optional<Sex> sexWord(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "female" -> Optional.of(Sex.F);
            case "male" -> Optional.of(Sex.M);
            default -> Optional.empty();
        };
    }
}
