package org.dxaflow.report;

import java.util.EnumSet;
import java.util.Set;

/**
 * How reports go out.
 *
 * @param autoPreliminary a COMPUTED result not held for the reporter is sent as a preliminary at
 *                        once ({@code dxaflow.report.auto-preliminary})
 * @param destinations    the destinations configured (a host or URL set); a version is delivered to each
 */
public record ReportSettings(boolean autoPreliminary, Set<Destination> destinations) {
    public ReportSettings {
        destinations = destinations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(destinations));
    }
}
