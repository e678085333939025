package org.dxaflow.hl7;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A location in a message as integration engineers write it: {@code SEG-field[-component[-sub]]},
 * optionally keeping only the field repetitions whose component {@code c} equals a value:
 * {@code PID-3[5=NH]-1} is "the ID of the PID-3 repetition whose identifier type is NH".
 * An absent component or subcomponent means the first.
 */
public record FieldPath(String segment, int field, Integer filterComponent, String filterValue, int component,
        int subcomponent, String text) {

    private static final Pattern SYNTAX =
            Pattern.compile("([A-Z][A-Z0-9]{2})-(\\d+)(?:\\[(\\d+)=([^\\]]*)])?(?:-(\\d+))?(?:-(\\d+))?");

    public static FieldPath parse(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a field path (expected e.g. PID-3, ORC-2-1 or PID-3[5=NH]-1)");
        }
        return new FieldPath(
                m.group(1),
                Integer.parseInt(m.group(2)),
                m.group(3) == null ? null : Integer.parseInt(m.group(3)),
                m.group(4),
                m.group(5) == null ? 1 : Integer.parseInt(m.group(5)),
                m.group(6) == null ? 1 : Integer.parseInt(m.group(6)),
                text.trim());
    }

    /** The first repetition (after filtering) in the first segment of this type that has one. */
    public Optional<Repetition> repetition(List<Er7Message.Segment> segments) {
        for (Er7Message.Segment s : segments) {
            if (!s.name().equals(segment)) {
                continue;
            }
            for (String rep : s.repetitions(field)) {
                if (filterComponent == null || s.value(rep, filterComponent, 1).equalsIgnoreCase(filterValue)) {
                    if (!rep.isBlank()) {
                        return Optional.of(new Repetition(s, rep));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The value at this path, or empty when the message has none there. */
    public Optional<String> value(List<Er7Message.Segment> segments) {
        return repetition(segments)
                .map(r -> r.value(component, subcomponent))
                .filter(v -> !v.isEmpty());
    }

    /** Every non-empty value at this path across repeating segments and field repetitions. */
    public List<String> values(List<Er7Message.Segment> segments) {
        return segments.stream()
                .filter(s -> s.name().equals(segment))
                .flatMap(s -> s.repetitions(field).stream()
                        .filter(rep -> filterComponent == null
                                || s.value(rep, filterComponent, 1).equalsIgnoreCase(filterValue))
                        .map(rep -> s.value(rep, component, subcomponent)))
                .filter(v -> !v.isEmpty())
                .toList();
    }

    /** The segment/field part of the path, as HL7 ERR-2 wants it: {@code PID^1^3}. */
    public String errorLocation() {
        return segment + "^1^" + field;
    }

    /** One repetition of a field, whose components a composite mapping reads. */
    public record Repetition(Er7Message.Segment segment, String raw) {
        public String value(int component, int subcomponent) {
            return segment.value(raw, component, subcomponent);
        }

        public String value(int component) {
            return value(component, 1);
        }
    }
}
