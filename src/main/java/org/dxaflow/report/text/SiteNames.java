package org.dxaflow.report.text;

import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Site;

/**
 * Site and side names as a person reads them ("Femoral neck", "left"), shared by the wording and
 * the PDF so the two never name a site differently. Names, not clinical statements: they live here.
 */
public final class SiteNames {

    private SiteNames() {
    }

    public static String name(Site site) {
        if (site == null) {
            return "";
        }
        if (site.isLumbar()) {
            return site.isSingleVertebra() ? site.externalName() : "Lumbar spine " + site.externalName();
        }
        switch (site) {
            case FEMORAL_NECK: return "Femoral neck";
            case TOTAL_HIP: return "Total hip";
            case TROCHANTER: return "Trochanter";
            case RADIUS_33: return "Radius 33 %";
            case ULTRADISTAL_RADIUS: return "Ultradistal radius";
            case TOTAL_FOREARM: return "Total forearm";
            case TOTAL_BODY: return "Total body";
            default: return site.externalName();
        }
    }

    /** A region name as the result writes it ("L1-L4", "L1,L2,L4", "FEMORAL_NECK"). */
    public static String name(String region) {
        if (region == null) {
            return "";
        }
        if (region.startsWith("L") && (region.contains("-") || region.contains(","))) {
            return "Lumbar spine " + region;
        }
        return Site.parse(region).map(SiteNames::name).orElse(region);
    }

    public static String side(Laterality side) {
        return side == null ? "" : side == Laterality.LEFT ? "left" : "right";
    }
}
