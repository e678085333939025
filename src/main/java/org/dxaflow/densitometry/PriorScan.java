package org.dxaflow.densitometry;

import java.time.LocalDate;
import java.util.List;

/** The most recent previous result, supplied by the caller (this engine keeps no history). */
public record PriorScan(LocalDate scanDate, Manufacturer manufacturer, List<Measurement> measurements) {
    public PriorScan {
        measurements = measurements == null ? List.of() : List.copyOf(measurements);
    }
}
