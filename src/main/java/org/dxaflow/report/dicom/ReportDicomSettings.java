package org.dxaflow.report.dicom;

import java.time.ZoneId;
import java.util.Objects;
import org.dxaflow.worklist.WorklistDataSet;
import org.dxaflow.worklist.WorklistIdentity;

/**
 * What the report's DICOM objects take from the site rather than from the report.
 *
 * @param identity     the worklist's patient and study attributes, so the report files under the
 *                     patient and study the scanner was given
 * @param organization the service's name: the SR's Verifying Organization and the objects'
 *                     Institution Name; empty when not configured (both are type 2/3)
 * @param zone         the service's time zone, for the DA/TM/DT values made from instants
 */
public record ReportDicomSettings(WorklistIdentity identity, String organization, ZoneId zone) {

    /** The engine's default for dxaflow.worklist.local-coding-scheme (Engine). */
    static final String DEFAULT_LOCAL_SCHEME = "99DXAFLOW";

    public ReportDicomSettings {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(zone, "zone");
        organization = organization == null ? "" : organization.trim();
    }

    /**
     * The worklist's defaults (no default issuer of patient ID), no organization, the machine's
     * zone: for callers that have no site configuration at hand.
     */
    public static ReportDicomSettings defaults() {
        return new ReportDicomSettings(new WorklistIdentity(new WorklistDataSet(DEFAULT_LOCAL_SCHEME), ""), "",
                ZoneId.systemDefault());
    }
}
