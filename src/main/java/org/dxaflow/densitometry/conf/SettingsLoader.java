package org.dxaflow.densitometry.conf;

import org.dxaflow.densitometry.CrossManufacturerPriors;
import org.dxaflow.densitometry.DensitometrySettings;
import org.dxaflow.densitometry.LeastSignificantChange;
import org.dxaflow.densitometry.Rounding;
import org.dxaflow.densitometry.Sex;
import org.dxaflow.densitometry.Site;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads conf/densitometry/settings.yaml (thresholds, switches) and lsc.yaml (least significant change). */
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
                "vertebralExclusion", "crossManufacturerPriors", "reporting", "fraxToolUrl"));
        expectKind(r, "settings", errors);
        r.string("citation");
        Sex menReference = r.enumValue("tScoreReferenceForMen", SettingsLoader::sexWord, "female, male");
        MapReader who = r.map("who");
        MapReader z = r.map("zScore");
        MapReader vertebral = r.map("vertebralExclusion");
        MapReader reporting = r.map("reporting");
        BigDecimal vendor = r.positiveDecimal("vendorDisagreementThreshold");
        CrossManufacturerPriors cross = r.enumValue("crossManufacturerPriors",
                t -> Stream.of(CrossManufacturerPriors.values()).filter(c -> c.name().equalsIgnoreCase(t)).findFirst(),
                "SBMD, NOT_COMPARABLE");
        String frax = r.string("fraxToolUrl");
        if (who == null || z == null || vertebral == null || reporting == null) {
            return null;
        }
        who.onlyKeys(Set.of("normalMin", "osteoporosisMax", "minimumAgeMen", "citation"));
        z.onlyKeys(Set.of("belowExpectedMax", "wordingBelow", "wordingWithin", "citation"));
        vertebral.onlyKeys(Set.of("tScoreDifference", "minimumVertebrae", "citation"));
        reporting.onlyKeys(Set.of("scoreDecimals", "bmdDecimals", "percentDecimals", "citation"));
        Stream.of(who, z, vertebral, reporting).forEach(m -> m.string("citation"));
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
                difference, minVertebrae, cross, scoreDecimals, bmdDecimals, percentDecimals, frax)
                .anyMatch(x -> x == null)) {
            return null;
        }
        return new DensitometrySettings(menReference, normalMin, osteoporosisMax, minAgeMen, zBelow, wordingBelow,
                wordingWithin, vendor, difference, minVertebrae, cross,
                new Rounding(scoreDecimals, bmdDecimals, percentDecimals), frax, r.where());
    }

    LeastSignificantChange loadLsc(Path file, ConfigErrors errors) {
        MapReader r = MapReader.of(yaml.read(file, errors), "file", errors);
        if (r == null) {
            return null;
        }
        r.onlyKeys(Set.of("kind", "name", "citation", "values"));
        expectKind(r, "lsc", errors);
        String name = r.string("name");
        String citation = r.string("citation");
        MapReader values = r.map("values");
        if (values == null || name == null || citation == null) {
            return null;
        }
        Map<String, BigDecimal> lsc = new LinkedHashMap<>();
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
        return new LeastSignificantChange(name, citation, lsc, r.where());
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
