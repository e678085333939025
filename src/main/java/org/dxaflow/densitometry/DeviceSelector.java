package org.dxaflow.densitometry;

/**
 * Which device a conf entry is for: every key given must equal the result's value (case-insensitive);
 * keys left out match anything. At least one key is required (the loader checks).
 */
public record DeviceSelector(String manufacturer, String model, String serialNumber, String stationName) {

    public boolean matches(DeviceIdentity d) {
        return matches(manufacturer, d.manufacturer()) && matches(model, d.model())
                && matches(serialNumber, d.serialNumber()) && matches(stationName, d.stationName());
    }

    public String describe() {
        return new DeviceIdentity(manufacturer, model, serialNumber, stationName).describe();
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || actual != null && DeviceIdentity.same(wanted, actual);
    }
}
