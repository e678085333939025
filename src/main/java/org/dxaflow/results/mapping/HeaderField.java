package org.dxaflow.results.mapping;

import java.util.Optional;

/** The scan details a mapping may say where to find, by their YAML key. */
enum HeaderField {
    MANUFACTURER("manufacturer"),
    MODEL("model"),
    SOFTWARE_VERSION("softwareVersion"),
    REFERENCE_DATABASE("referenceDatabase"),
    HEIGHT_CM("heightCm"),
    WEIGHT_KG("weightKg"),
    SCAN_DATE("scanDate"),
    DEVICE_SERIAL_NUMBER("deviceSerialNumber"),
    STATION_NAME("stationName");

    /** The problem with a key that is none of these. */
    static final String UNKNOWN = "unknown header field (manufacturer, model, softwareVersion, referenceDatabase,"
            + " heightCm, weightKg, scanDate, deviceSerialNumber, stationName)";

    private final String key;

    HeaderField(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    boolean isNumber() {
        return this == HEIGHT_CM || this == WEIGHT_KG;
    }

    static Optional<HeaderField> forKey(String key) {
        for (HeaderField f : values()) {
            if (f.key.equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
