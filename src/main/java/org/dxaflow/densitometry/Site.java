package org.dxaflow.densitometry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Measured region of interest. Lumbar ranges are modelled as first..last vertebra so that a
 * vendor's "L2-L4" and the engine's own vertebra bookkeeping speak the same language.
 * External names (JSON, HL7 mapping) are {@code L1}, {@code L1-L4}, {@code FEMORAL_NECK}, ...
 */
public enum Site {
    L1(1, 1), L2(2, 2), L3(3, 3), L4(4, 4),
    L1_L2(1, 2), L1_L3(1, 3), L1_L4(1, 4), L2_L3(2, 3), L2_L4(2, 4), L3_L4(3, 4),
    FEMORAL_NECK(0, 0), TOTAL_HIP(0, 0), TROCHANTER(0, 0),
    RADIUS_33(0, 0), ULTRADISTAL_RADIUS(0, 0), TOTAL_FOREARM(0, 0),
    TOTAL_BODY(0, 0);

    private final int firstVertebra;
    private final int lastVertebra;

    Site(int firstVertebra, int lastVertebra) {
        this.firstVertebra = firstVertebra;
        this.lastVertebra = lastVertebra;
    }

    public boolean isLumbar() {
        return firstVertebra > 0;
    }

    public boolean isSingleVertebra() {
        return isLumbar() && firstVertebra == lastVertebra;
    }

    public int firstVertebra() {
        return firstVertebra;
    }

    public int lastVertebra() {
        return lastVertebra;
    }

    /** The single vertebrae covered by this lumbar site, in order (empty for non-spine sites). */
    public List<Site> vertebrae() {
        List<Site> out = new ArrayList<>();
        for (int v = firstVertebra; isLumbar() && v <= lastVertebra; v++) {
            out.add(vertebra(v));
        }
        return out;
    }

    public static Site vertebra(int number) {
        return switch (number) {
            case 1 -> L1;
            case 2 -> L2;
            case 3 -> L3;
            case 4 -> L4;
            default -> throw new IllegalArgumentException("no lumbar vertebra L" + number);
        };
    }

    /** The contiguous range first..last, if it is one of the modelled sites. */
    public static Optional<Site> lumbarRange(int first, int last) {
        for (Site s : values()) {
            if (s.isLumbar() && s.firstVertebra == first && s.lastVertebra == last) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The region as a sentence names it: "femoral neck", "total hip", "lumbar spine L1-L4", "L2".
     * Reports and flag messages use it, so a reader never sees an enum name.
     */
    public String readableName() {
        if (isLumbar()) {
            return isSingleVertebra() ? externalName() : "lumbar spine " + externalName();
        }
        switch (this) {
            case RADIUS_33:
                return "radius 33 %";
            default:
                return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    @JsonValue
    public String externalName() {
        return isLumbar() ? name().replace('_', '-') : name();
    }

    /** Accepts the external name ({@code L1-L4}) as well as the enum name ({@code L1_L4}). */
    @JsonCreator
    public static Site fromExternalName(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("unknown site: " + text));
    }

    public static Optional<Site> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Site s : values()) {
            if (s.name().equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return externalName();
    }
}
