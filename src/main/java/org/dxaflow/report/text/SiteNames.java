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
        String name = site.readableName();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
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
