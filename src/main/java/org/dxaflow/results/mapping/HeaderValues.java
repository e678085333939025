package org.dxaflow.results.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dxaflow.results.ScanDetails;

/**
 * The header values found for one object, as text, turned into {@link ScanDetails}. A value that
 * is there but unreadable (a height "tall") is a problem reported with the result, not a null.
 */
final class HeaderValues {

    private final Map<HeaderField, String> text = new EnumMap<>(HeaderField.class);
    private final Map<HeaderField, BigDecimal> numbers = new EnumMap<>(HeaderField.class);

    void putText(HeaderField f, String value) {
        if (value != null && !value.isBlank()) {
            text.putIfAbsent(f, value.trim());
        }
    }

    void putNumber(HeaderField f, BigDecimal value) {
        if (value != null) {
            numbers.putIfAbsent(f, value);
        }
    }

    boolean has(HeaderField f) {
        return text.containsKey(f) || numbers.containsKey(f);
    }

    String text(HeaderField f) {
        return text.get(f);
    }

    ScanDetails details(ScaleRules scale, List<String> problems) {
        String manufacturer = text.get(HeaderField.MANUFACTURER);
        return new ScanDetails(date(text.get(HeaderField.SCAN_DATE), problems), manufacturer,
                scale.scaleFor(manufacturer), text.get(HeaderField.MODEL), text.get(HeaderField.SOFTWARE_VERSION),
                text.get(HeaderField.REFERENCE_DATABASE), number(HeaderField.HEIGHT_CM, problems),
                number(HeaderField.WEIGHT_KG, problems), text.get(HeaderField.DEVICE_SERIAL_NUMBER),
                text.get(HeaderField.STATION_NAME));
    }

    private BigDecimal number(HeaderField f, List<String> problems) {
        if (numbers.containsKey(f)) {
            return numbers.get(f);
        }
        String t = text.get(f);
        if (t == null) {
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            problems.add(f.key() + " is not a number: '" + t + "'");
            return null;
        }
    }

    /** DICOM DA (YYYYMMDD), HL7 DTM (YYYYMMDD[HHMM...]) or ISO (YYYY-MM-DD). */
    static LocalDate date(String t, List<String> problems) {
        if (t == null) {
            return null;
        }
        String s = t.trim();
        try {
            if (s.length() >= 10 && s.charAt(4) == '-') {
                return LocalDate.parse(s.substring(0, 10));
            }
            if (s.length() >= 8 && s.substring(0, 8).chars().allMatch(Character::isDigit)) {
                return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                        Integer.parseInt(s.substring(6, 8)));
            }
        } catch (java.time.DateTimeException e) {
            // reported below
        }
        problems.add("scan date is not a date: '" + t + "'");
        return null;
    }
}
