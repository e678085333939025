package org.dxaflow.dxasr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Site;
import org.dxaflow.dicom.sr.Code;

/**
 * The codes of dxaflow's example DXA result SR (layout in samples/dicom/README.md). Standard codes
 * where one was found that means exactly the item (SNOMED CT sites and laterality, LOINC spine and
 * femur scores); the private scheme {@value #SCHEME} everywhere else. The reverse look-ups are
 * what a reader of the SR uses: a concept is identified by value and scheme, never by meaning.
 */
public final class DxaSrCodes {

    /** Private coding scheme (PS3.16 8.2: private designators start with "99"). */
    public static final String SCHEME = "99DXAFLOW";
    public static final String SCHEME_NAME = "dxaflow example DXA result SR codes";

    /** Document title, the root CONTAINER's concept name. */
    public static final Code REPORT = new Code("DXA-REPORT", SCHEME, "Bone densitometry report");

    /** HAS CONCEPT MOD concept name for the side (SNOMED CT, as in PS3.16 TID 1350's Laterality). */
    public static final Code LATERALITY = new Code("272741003", "SCT", "Laterality");
    public static final Code LEFT = new Code("7771000", "SCT", "Left");
    public static final Code RIGHT = new Code("24028007", "SCT", "Right");

    private static final String LOINC = "LN";

    /** Vertebral fracture assessment: the container, and the Genant semiquantitative grade of one vertebra. */
    public static final Code VFA = new Code("VFA", SCHEME, "Vertebral fracture assessment");
    public static final Code GENANT_GRADE = new Code("GENANT-GRADE", SCHEME, "Genant semiquantitative grade");
    public static final Code GRADE_UNIT = new Code("{grade}", "UCUM", "grade");

    /** A VFA vertebra CONTAINER's concept name: SNOMED CT for L1-L4 (as the sites), the private scheme for T4-T12. */
    public static Code vertebra(String level) {
        return switch (level) {
            case "L1" -> site(Site.L1);
            case "L2" -> site(Site.L2);
            case "L3" -> site(Site.L3);
            case "L4" -> site(Site.L4);
            default -> new Code(level, SCHEME, level + " vertebra");
        };
    }

    private DxaSrCodes() {
    }

    /** The site CONTAINER's concept name. */
    public static Code site(Site site) {
        return switch (site) {
            // SNOMED CT body structures as listed in the DICOM anatomic master list (PS3.16)
            case L1 -> new Code("66794005", "SCT", "L1 vertebra");
            case L2 -> new Code("14293000", "SCT", "L2 vertebra");
            case L3 -> new Code("36470004", "SCT", "L3 vertebra");
            case L4 -> new Code("11994002", "SCT", "L4 vertebra");
            case FEMORAL_NECK -> new Code("29627003", "SCT", "Neck of femur");
            // DXA regions of interest with no exact SNOMED CT concept: "total hip" is a scan region,
            // not the hip joint (24136001); "radius 33%" is a position on the shaft.
            case TOTAL_HIP -> new Code("TOTAL-HIP", SCHEME, "Total hip");
            case TROCHANTER -> new Code("TROCHANTER", SCHEME, "Trochanteric region");
            case RADIUS_33 -> new Code("RADIUS-33", SCHEME, "Radius 33%");
            case ULTRADISTAL_RADIUS -> new Code("RADIUS-UD", SCHEME, "Ultradistal radius");
            case TOTAL_FOREARM -> new Code("FOREARM-TOTAL", SCHEME, "Total forearm");
            case TOTAL_BODY -> new Code("TOTAL-BODY", SCHEME, "Total body");
            // Vertebral ranges (L1-L4, L2-L4, ...): "Lumbar spine" (122496007) would lose the range.
            default -> new Code(site.externalName(), SCHEME, "Lumbar spine " + site.externalName());
        };
    }

    /** The HAS CONCEPT MOD value for a side. */
    public static Code laterality(Laterality side) {
        return side == Laterality.LEFT ? LEFT : RIGHT;
    }

    /** Whether a site has a side: the spine and total body do not, hip and forearm do. */
    public static boolean isPaired(Site site) {
        return !site.isLumbar() && site != Site.TOTAL_BODY;
    }

    /** The NUM item's concept name for a measurement at a site. */
    public static Code measurement(Site site, MeasurementKind kind) {
        if (site.isLumbar()) {
            // LOINC "DXA Lumbar spine [...] Bone density": its system is the lumbar spine, which
            // holds for a single vertebra and for any range; the container says which.
            switch (kind) {
                case BMD -> {
                    return new Code("24966-4", LOINC, "DXA Lumbar spine [Mass/Area] Bone density");
                }
                case T_SCORE -> {
                    return new Code("38267-1", LOINC, "DXA Lumbar spine [T-score] Bone density");
                }
                case Z_SCORE -> {
                    return new Code("85394-5", LOINC, "DXA Lumbar spine [Z-score] Bone density");
                }
                default -> {
                }
            }
        }
        if (isFemur(site) && kind == MeasurementKind.T_SCORE) {
            return new Code("38263-0", LOINC, "DXA Femur [T-score] Bone density");
        }
        return generic(kind);
    }

    /** The private code for a kind, used where no standard code names exactly that measurement. */
    public static Code generic(MeasurementKind kind) {
        return switch (kind) {
            case BMD -> new Code("BMD", SCHEME, "Bone mineral density");
            case BMC -> new Code("BMC", SCHEME, "Bone mineral content");
            case AREA -> new Code("BONE-AREA", SCHEME, "Bone area");
            case T_SCORE -> new Code("T-SCORE", SCHEME, "T-score");
            case Z_SCORE -> new Code("Z-SCORE", SCHEME, "Z-score");
        };
    }

    private static boolean isFemur(Site site) {
        return site == Site.FEMORAL_NECK || site == Site.TOTAL_HIP || site == Site.TROCHANTER;
    }

    /** Every measurement concept name the layout uses, for the reverse look-up. */
    public static List<Code> allMeasurementCodes() {
        List<Code> all = new ArrayList<>();
        for (Site s : Site.values()) {
            for (MeasurementKind k : MeasurementKind.values()) {
                Code c = measurement(s, k);
                if (all.stream().noneMatch(c::sameConcept)) {
                    all.add(c);
                }
            }
        }
        return all;
    }

    public static Optional<Site> siteOf(Code code) {
        for (Site s : Site.values()) {
            if (site(s).sameConcept(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public static Optional<MeasurementKind> kindOf(Code code) {
        for (Site s : Site.values()) {
            for (MeasurementKind k : MeasurementKind.values()) {
                if (measurement(s, k).sameConcept(code)) {
                    return Optional.of(k);
                }
            }
        }
        return Optional.empty();
    }

    public static Optional<Laterality> lateralityOf(Code code) {
        if (LEFT.sameConcept(code)) {
            return Optional.of(Laterality.LEFT);
        }
        return RIGHT.sameConcept(code) ? Optional.of(Laterality.RIGHT) : Optional.empty();
    }
}
