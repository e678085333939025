package org.dxaflow.sim;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Site;
import org.dxaflow.dxasr.MeasurementKind;
import org.dxaflow.dxasr.SiteMeasurement;

/**
 * Parses a {@code --bmd} value: {@code SITE[:SIDE]=BMD[,T=score][,Z=score][,BMC=grams][,AREA=cm2]},
 * for example {@code L1-L4=0.912,T=-1.8} or {@code FEMORAL_NECK:LEFT=0.701}. Sites are the
 * densitometry module's names ({@code L1}..{@code L4}, {@code L1-L4}, {@code FEMORAL_NECK},
 * {@code TOTAL_HIP}, {@code TROCHANTER}, {@code RADIUS_33}, {@code TOTAL_FOREARM}, ...).
 */
public final class MeasurementArgument {

    private MeasurementArgument() {
    }

    public static SiteMeasurement parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("expected SITE[:SIDE]=VALUE, got '" + text + "'");
        }
        String target = text.substring(0, eq).trim();
        String[] parts = text.substring(eq + 1).split(",");
        String sideText = null;
        int colon = target.indexOf(':');
        if (colon >= 0) {
            sideText = target.substring(colon + 1);
            target = target.substring(0, colon);
        }
        String siteName = target;
        Site site = Site.parse(siteName).orElseThrow(() -> new IllegalArgumentException("unknown site '"
                + siteName + "' (e.g. L1, L1-L4, FEMORAL_NECK, TOTAL_HIP, TROCHANTER, RADIUS_33, TOTAL_FOREARM)"));
        Laterality side = null;
        if (sideText != null) {
            String s = sideText;
            side = Laterality.parse(s).orElseThrow(() -> new IllegalArgumentException(
                    "unknown side '" + s + "' (LEFT or RIGHT)"));
        }
        Map<MeasurementKind, BigDecimal> values = new EnumMap<>(MeasurementKind.class);
        values.put(MeasurementKind.BMD, number(parts[0], "BMD"));
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected KIND=VALUE after the BMD, got '" + parts[i] + "'");
            }
            MeasurementKind kind = kind(kv[0]);
            if (values.put(kind, number(kv[1], kind.name())) != null) {
                throw new IllegalArgumentException(kind + " given twice in '" + text + "'");
            }
        }
        if (values.get(MeasurementKind.BMD).signum() <= 0) {
            throw new IllegalArgumentException("BMD must be positive: '" + text + "'");
        }
        return new SiteMeasurement(site, side, values);
    }

    private static MeasurementKind kind(String name) {
        return switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "T", "T-SCORE", "TSCORE" -> MeasurementKind.T_SCORE;
            case "Z", "Z-SCORE", "ZSCORE" -> MeasurementKind.Z_SCORE;
            case "BMC" -> MeasurementKind.BMC;
            case "AREA" -> MeasurementKind.AREA;
            case "BMD" -> MeasurementKind.BMD;
            default -> throw new IllegalArgumentException("unknown measurement '" + name + "' (T, Z, BMC, AREA)");
        };
    }

    private static BigDecimal number(String text, String what) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a number: '" + text + "'");
        }
        // the SR carries it as a DS of at most 16 characters; refuse now rather than after the MPPS exists
        if (value.toPlainString().length() > 16) {
            throw new IllegalArgumentException(what + " has too many digits for a DICOM DS: '" + text + "'");
        }
        return value;
    }
}
