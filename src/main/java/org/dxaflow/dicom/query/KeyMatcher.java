package org.dxaflow.dicom.query;

import java.util.Arrays;
import java.util.Locale;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.Dictionary;
import org.dxaflow.dicom.data.Sequence;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.VR;

/**
 * C-FIND attribute matching, PS3.4 C.2.2.2: each key of the identifier must match the candidate.
 * <ul>
 *   <li>empty value: universal match;</li>
 *   <li>UI with several values: list of UID matching;</li>
 *   <li>DA, TM, DT with a '-': range matching (either end may be open);</li>
 *   <li>'*' or '?' in a text value: wildcard matching;</li>
 *   <li>otherwise single value matching;</li>
 *   <li>SQ: sequence matching, an item of the candidate must match every key of the query item.</li>
 * </ul>
 * Person names match case-insensitively (PS3.4 C.2.2.2.1 leaves this to the SCP; scanners type
 * patient names in any case). A candidate without the attribute matches only a universal key.
 */
public final class KeyMatcher {

    public boolean matches(Attributes query, Attributes candidate) {
        for (int tag : query.tags()) {
            if (!isMatchingKey(tag)) {
                continue;
            }
            if (!matchesKey(query, candidate, tag)) {
                return false;
            }
        }
        return true;
    }

    /** Keys that take part in matching; the character set and group lengths only describe. */
    static boolean isMatchingKey(int tag) {
        return tag != Tag.SpecificCharacterSet.value() && (tag & 0xFFFF) != 0 && (tag >>> 16) != 0x0002;
    }

    private boolean matchesKey(Attributes query, Attributes candidate, int tag) {
        VR vr = vr(query, tag);
        if (vr == VR.SQ) {
            return matchesSequence(query.getSequence(tag), candidate.getSequence(tag));
        }
        String[] wanted = query.getStrings(tag);
        if (wanted.length == 0 || wanted.length == 1 && wanted[0].isEmpty()) {
            return true;
        }
        String[] have = candidate.getStrings(tag);
        if (have.length == 0) {
            return false;
        }
        if (vr == VR.UI) {
            return Arrays.stream(have).anyMatch(h -> Arrays.asList(wanted).contains(h.trim()));
        }
        String key = String.join("\\", wanted);
        if ((vr == VR.DA || vr == VR.TM || vr == VR.DT) && key.contains("-")) {
            return Arrays.stream(have).anyMatch(h -> inRange(vr, key, h.trim()));
        }
        if (vr == VR.DA || vr == VR.TM || vr == VR.DT) {
            return Arrays.stream(have).anyMatch(h -> normalise(vr, h.trim()).equals(normalise(vr, key.trim())));
        }
        boolean ignoreCase = vr == VR.PN;
        String pattern = ignoreCase ? key.trim().toUpperCase(Locale.ROOT) : key.trim();
        boolean wildcard = pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
        String joined = String.join("\\", have).trim();
        String value = ignoreCase ? joined.toUpperCase(Locale.ROOT) : joined;
        return wildcard ? Wildcard.matches(pattern, value) : value.equals(pattern) || anyEquals(have, pattern, ignoreCase);
    }

    private static boolean anyEquals(String[] have, String pattern, boolean ignoreCase) {
        for (String h : have) {
            String v = ignoreCase ? h.trim().toUpperCase(Locale.ROOT) : h.trim();
            if (v.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesSequence(Sequence wanted, Sequence have) {
        if (wanted == null || wanted.isEmpty() || wanted.get(0).isEmpty()) {
            return true;
        }
        if (have == null) {
            return false;
        }
        Attributes itemQuery = wanted.get(0);
        for (Attributes item : have) {
            if (matches(itemQuery, item)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inRange(VR vr, String range, String value) {
        int dash = range.indexOf('-');
        String rawTo = range.substring(dash + 1).trim();
        String from = normalise(vr, range.substring(0, dash).trim());
        String to = normalise(vr, rawTo);
        String v = normalise(vr, value);
        return (from.isEmpty() || v.compareTo(from) >= 0) && (to.isEmpty() || v.compareTo(upper(vr, to, rawTo)) <= 0);
    }

    /** Comparable text: TM padded to HHMMSS.ffffff; DA as is; DT to its digits. */
    static String normalise(VR vr, String v) {
        if (v.isEmpty()) {
            return v;
        }
        if (vr == VR.TM) {
            String t = v.replace(":", "");
            String whole = t.contains(".") ? t.substring(0, t.indexOf('.')) : t;
            String frac = t.contains(".") ? t.substring(t.indexOf('.') + 1) : "";
            return (whole + "000000").substring(0, 6) + "." + (frac + "000000").substring(0, 6);
        }
        if (vr == VR.DA) {
            return v.replace(".", "");
        }
        return v;
    }

    /** An upper time given to less precision covers its whole period: "1130" is up to 11:30:59.999999. */
    private static String upper(VR vr, String normalisedTo, String rawTo) {
        if (vr != VR.TM) {
            return normalisedTo;
        }
        String t = rawTo.replace(":", "");
        if (t.contains(".")) {
            return normalisedTo;
        }
        String whole = t.length() >= 6 ? t.substring(0, 6) : t + "5959".substring(0, 6 - t.length());
        return whole + ".999999";
    }

    private static VR vr(Attributes query, int tag) {
        VR vr = query.vrOf(tag);
        if (vr == null || vr == VR.UN) {
            vr = Dictionary.vrOf(tag);
        }
        return vr;
    }
}
