package org.dxaflow.densitometry;

import java.util.Locale;

/**
 * Which scanner made a measurement, as far as the result says: DICOM General Equipment Module
 * Manufacturer (0008,0070), Manufacturer's Model Name (0008,1090), Device Serial Number (0018,1000),
 * Station Name (0008,1010). Precision (LSC) belongs to a device, not to a manufacturer (ISCD), so
 * serial change compares two scans only when it can tell they come from the same device or the
 * service has cross-calibrated the two.
 */
public record DeviceIdentity(String manufacturer, String model, String serialNumber, String stationName) {

    public static final DeviceIdentity UNKNOWN = new DeviceIdentity(null, null, null, null);

    /** Whether two scans come from the same device. */
    public enum Sameness { SAME, DIFFERENT, NOT_IDENTIFIED }

    public DeviceIdentity {
        manufacturer = blankToNull(manufacturer);
        model = blankToNull(model);
        serialNumber = blankToNull(serialNumber);
        stationName = blankToNull(stationName);
    }

    /**
     * The serial number decides when both scans carry one; else the station name when both carry
     * one; else the device is not identified (a manufacturer alone never identifies a machine).
     */
    public Sameness comparedWith(DeviceIdentity other) {
        if (other == null) {
            return Sameness.NOT_IDENTIFIED;
        }
        if (serialNumber != null && other.serialNumber != null) {
            return same(serialNumber, other.serialNumber) && sameOrUnknown(model, other.model)
                    ? Sameness.SAME : Sameness.DIFFERENT;
        }
        if (stationName != null && other.stationName != null) {
            return same(stationName, other.stationName) && sameOrUnknown(model, other.model)
                    ? Sameness.SAME : Sameness.DIFFERENT;
        }
        return Sameness.NOT_IDENTIFIED;
    }

    public boolean isIdentified() {
        return serialNumber != null || stationName != null;
    }

    /** How a note names the device: "HOLOGIC Horizon A serial 301234" or "not identified". */
    public String describe() {
        StringBuilder b = new StringBuilder();
        append(b, manufacturer, "");
        append(b, model, "");
        append(b, serialNumber, "serial ");
        append(b, stationName, "station ");
        return b.length() == 0 ? "device not identified" : b.toString();
    }

    private static void append(StringBuilder b, String value, String label) {
        if (value != null) {
            b.append(b.length() == 0 ? "" : " ").append(label).append(value);
        }
    }

    static boolean same(String a, String b) {
        return a.trim().toUpperCase(Locale.ROOT).equals(b.trim().toUpperCase(Locale.ROOT));
    }

    private static boolean sameOrUnknown(String a, String b) {
        return a == null || b == null || same(a, b);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
