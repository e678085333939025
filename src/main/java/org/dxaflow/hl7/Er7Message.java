package org.dxaflow.hl7;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An HL7 v2 message in ER7 ("pipe and hat") encoding, split into segments and fields but not
 * interpreted. Mappings read values from it by {@link FieldPath}, independent of the message
 * version's group structure, which is what lets a site remap fields without code.
 */
public final class Er7Message {

    private final List<Segment> segments;
    private final Delimiters delimiters;

    private Er7Message(List<Segment> segments, Delimiters delimiters) {
        this.segments = segments;
        this.delimiters = delimiters;
    }

    /**
     * Splits a message. Segment terminators may be CR (the standard), LF or CRLF, since files
     * edited by hand and some senders use them.
     *
     * @throws Hl7FormatException when there is no MSH segment with its encoding characters
     */
    public static Er7Message parse(String raw) {
        if (raw == null) {
            throw new Hl7FormatException("empty message");
        }
        String text = raw.strip();
        if (text.length() < 8 || !text.startsWith("MSH")) {
            throw new Hl7FormatException("message does not start with an MSH segment");
        }
        Delimiters d = Delimiters.fromMsh(text);
        List<Segment> segments = new ArrayList<>();
        for (String line : text.split("\r\n|\r|\n")) {
            if (line.isBlank()) {
                continue;
            }
            segments.add(Segment.split(line, d));
        }
        return new Er7Message(List.copyOf(segments), d);
    }

    public List<Segment> segments() {
        return segments;
    }

    public Delimiters delimiters() {
        return delimiters;
    }

    public Optional<Segment> first(String name) {
        return segments.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<Segment> all(String name) {
        return segments.stream().filter(s -> s.name().equals(name)).toList();
    }

    public Segment msh() {
        return segments.get(0);
    }

    /** The encoding characters from MSH-1 and MSH-2. */
    public record Delimiters(char field, char component, char repetition, char escape, char subcomponent) {
        static Delimiters fromMsh(String text) {
            char field = text.charAt(3);
            int end = text.indexOf(field, 4);
            if (end < 0) {
                throw new Hl7FormatException("MSH-2 (encoding characters) is not terminated");
            }
            String enc = text.substring(4, end);
            if (enc.length() < 2 || Character.isLetterOrDigit(field)) {
                throw new Hl7FormatException("MSH-2 (encoding characters) is incomplete");
            }
            return new Delimiters(
                    field,
                    enc.charAt(0),
                    enc.charAt(1),
                    enc.length() > 2 ? enc.charAt(2) : '\\',
                    enc.length() > 3 ? enc.charAt(3) : '&');
        }

        /** Escapes a value for inclusion in a field, per HL7 v2 section 2.7. */
        public String escape(String value) {
            if (value == null) {
                return "";
            }
            StringBuilder sb = new StringBuilder(value.length());
            for (char c : value.toCharArray()) {
                if (c == escape) {
                    sb.append(escape).append('E').append(escape);
                } else if (c == field) {
                    sb.append(escape).append('F').append(escape);
                } else if (c == component) {
                    sb.append(escape).append('S').append(escape);
                } else if (c == subcomponent) {
                    sb.append(escape).append('T').append(escape);
                } else if (c == repetition) {
                    sb.append(escape).append('R').append(escape);
                } else if (c == '\r' || c == '\n') {
                    sb.append(' ');
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }

        /** Reverses {@link #escape}; formatting escapes (\.br\ etc.) become a space. */
        public String unescape(String value) {
            if (value.indexOf(escape) < 0) {
                return value;
            }
            StringBuilder sb = new StringBuilder(value.length());
            int i = 0;
            while (i < value.length()) {
                char c = value.charAt(i);
                int close = c == escape ? value.indexOf(escape, i + 1) : -1;
                if (close < 0) {
                    sb.append(c);
                    i++;
                    continue;
                }
                String code = value.substring(i + 1, close);
                switch (code) {
                    case "F" -> sb.append(field);
                    case "S" -> sb.append(component);
                    case "T" -> sb.append(subcomponent);
                    case "R" -> sb.append(repetition);
                    case "E" -> sb.append(escape);
                    default -> sb.append(code.startsWith(".") ? " " : "");
                }
                i = close + 1;
            }
            return sb.toString();
        }
    }

    /**
     * One segment. {@code field(n)} follows the standard's numbering, including MSH where MSH-1
     * is the field separator itself.
     */
    public record Segment(String name, List<String> fields, Delimiters delimiters) {

        public Segment {
            fields = List.copyOf(fields);
        }

        static Segment split(String line, Delimiters d) {
            List<String> parts = new ArrayList<>();
            int start = 0;
            for (int i = 0; i <= line.length(); i++) {
                if (i == line.length() || line.charAt(i) == d.field()) {
                    parts.add(line.substring(start, i));
                    start = i + 1;
                }
            }
            String name = parts.get(0);
            List<String> fields = new ArrayList<>();
            fields.add(name);
            if (name.equals("MSH")) {
                fields.add(String.valueOf(d.field()));
            }
            fields.addAll(parts.subList(1, parts.size()));
            return new Segment(name, fields, d);
        }

        /** Raw (still escaped) text of field n, or "" when absent. */
        public String field(int n) {
            return n < fields.size() ? fields.get(n) : "";
        }

        public List<String> repetitions(int n) {
            String raw = field(n);
            if (raw.isEmpty()) {
                return List.of();
            }
            if (name.equals("MSH") && n <= 2) {
                return List.of(raw);
            }
            return List.of(raw.split(java.util.regex.Pattern.quote(String.valueOf(delimiters.repetition())), -1));
        }

        /**
         * Unescaped value of component c, subcomponent s (1-based) of one repetition; "" when absent.
         */
        public String value(String repetition, int component, int subcomponent) {
            String comp = nth(repetition, delimiters.component(), component);
            String sub = nth(comp, delimiters.subcomponent(), subcomponent);
            return delimiters.unescape(sub).trim();
        }

        /** First repetition, first component and subcomponent of field n, unescaped. */
        public String value(int n) {
            List<String> reps = repetitions(n);
            return reps.isEmpty() ? "" : value(reps.get(0), 1, 1);
        }

        public String value(int n, int component) {
            List<String> reps = repetitions(n);
            return reps.isEmpty() ? "" : value(reps.get(0), component, 1);
        }

        private static String nth(String text, char sep, int index) {
            int start = 0;
            for (int i = 1; i < index; i++) {
                int next = text.indexOf(sep, start);
                if (next < 0) {
                    return "";
                }
                start = next + 1;
            }
            int end = text.indexOf(sep, start);
            return end < 0 ? text.substring(start) : text.substring(start, end);
        }
    }
}
