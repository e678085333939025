package org.dxaflow.dicom.data;

import java.util.ArrayList;
import java.util.List;

/**
 * One component group of a PN value (PS3.5 6.2.1.1): family name complex, given name complex,
 * middle name, name prefix and name suffix, separated by '^'. Empty components are "" (never
 * null) so callers need no null checks.
 *
 * <p>A PN value can hold up to three component groups separated by '=' (alphabetic, ideographic,
 * phonetic); {@link Groups} models the whole value.
 */
public record PersonName(String family, String given, String middle, String prefix, String suffix) {

    public static final PersonName EMPTY = new PersonName("", "", "", "", "");

    public PersonName {
        family = clean(family);
        given = clean(given);
        middle = clean(middle);
        prefix = clean(prefix);
        suffix = clean(suffix);
    }

    /** Convenience for the common family^given form. */
    public static PersonName of(String family, String given) {
        return new PersonName(family, given, "", "", "");
    }

    /**
     * Parses one component group such as {@code Müller^Jürgen^^Dr.}. Components past the fifth
     * are not allowed by PS3.5; rather than drop data they are kept in the suffix, joined by '^'.
     */
    public static PersonName parse(String group) {
        if (group == null || group.isEmpty()) {
            return EMPTY;
        }
        String[] c = group.split("\\^", -1);
        String suffix = c.length > 4 ? String.join("^", List.of(c).subList(4, c.length)) : "";
        return new PersonName(part(c, 0), part(c, 1), part(c, 2), part(c, 3), suffix);
    }

    /** Formats as PS3.5 wants: components joined by '^', trailing empty components left out. */
    public String format() {
        String[] c = {family, given, middle, prefix, suffix};
        int n = c.length;
        while (n > 0 && c[n - 1].isEmpty()) {
            n--;
        }
        return String.join("^", List.of(c).subList(0, n));
    }

    public boolean isEmpty() {
        return format().isEmpty();
    }

    @Override
    public String toString() {
        return format();
    }

    private static String part(String[] c, int i) {
        return i < c.length ? c[i] : "";
    }

    private static String clean(String s) {
        // Leading/trailing spaces are padding in PN (PS3.5 6.2); '=' and '\' would break the value.
        String v = s == null ? "" : s.strip();
        if (v.indexOf('=') >= 0 || v.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("PN component must not contain '=' or '\\': " + v);
        }
        return v;
    }

    /**
     * A complete PN value: alphabetic, ideographic and phonetic component groups (PS3.5 6.2.1.2).
     * Absent groups are {@link PersonName#EMPTY}.
     */
    public record Groups(PersonName alphabetic, PersonName ideographic, PersonName phonetic) {

        public Groups {
            alphabetic = alphabetic == null ? EMPTY : alphabetic;
            ideographic = ideographic == null ? EMPTY : ideographic;
            phonetic = phonetic == null ? EMPTY : phonetic;
        }

        /** Parses a whole PN value such as {@code Yamada^Tarou=山田^太郎=やまだ^たろう}. */
        public static Groups parse(String value) {
            if (value == null) {
                return new Groups(EMPTY, EMPTY, EMPTY);
            }
            String[] g = value.split("=", -1);
            if (g.length > 3) {
                throw new IllegalArgumentException("PN value has more than 3 component groups: " + value);
            }
            return new Groups(PersonName.parse(g[0]), g.length > 1 ? PersonName.parse(g[1]) : EMPTY,
                    g.length > 2 ? PersonName.parse(g[2]) : EMPTY);
        }

        /** Formats with '=' between groups, leaving out trailing empty groups. */
        public String format() {
            List<String> parts = new ArrayList<>(List.of(
                    alphabetic.format(), ideographic.format(), phonetic.format()));
            while (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
                parts.remove(parts.size() - 1);
            }
            return String.join("=", parts);
        }

        @Override
        public String toString() {
            return format();
        }
    }
}
