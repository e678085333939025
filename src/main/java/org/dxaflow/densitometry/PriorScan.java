package org.dxaflow.densitometry;

import java.time.LocalDate;
import java.util.List;

/** The most recent previous result, supplied by the caller (this engine keeps no history). */
public record PriorScan(LocalDate scanDate, Manufacturer manufacturer, DeviceIdentity device,
                        List<Measurement> measurements) {
    public PriorScan {
        device = device == null ? DeviceIdentity.UNKNOWN : device;
        measurements = measurements == null ? List.of() : List.copyOf(measurements);
    }

    public PriorScan(LocalDate scanDate, Manufacturer manufacturer, List<Measurement> measurements) {
        this(scanDate, manufacturer, DeviceIdentity.UNKNOWN, measurements);
    }
}
