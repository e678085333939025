package org.dxaflow.results;

import java.util.List;
import org.dxaflow.densitometry.Measurement;
import org.dxaflow.densitometry.VfaFinding;

/**
 * A scanner result read through its vendor mapping: canonical measurements (one per site and side)
 * and the scan details, with the per-vertebra VFA findings when the mapping reads them. {@code warnings} name what the mapping saw but did not use, so that a
 * vendor adding an item is noticed rather than silently ignored.
 */
public record MappedResult(String mapping, ResultIdentifiers identifiers, ScanDetails details,
                           List<Measurement> measurements, List<VfaFinding> vfa, List<String> warnings) {
    public MappedResult {
        measurements = List.copyOf(measurements);
        vfa = List.copyOf(vfa);
        warnings = List.copyOf(warnings);
    }
}
