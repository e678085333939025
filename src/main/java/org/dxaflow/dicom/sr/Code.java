package org.dxaflow.dicom.sr;

import java.util.Objects;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.Tag;

/**
 * A coded entry (PS3.3 Table 8.8-1 Code Sequence Macro): value, coding scheme designator and
 * meaning. Two codes are the same concept when value and scheme match; the meaning is display
 * text and may differ between senders, so {@link #sameConcept} ignores it.
 */
public record Code(String value, String scheme, String meaning) {
    /** CodeValue is SH (16 chars); longer values would need LongCodeValue, which we never write. */
    private static final int MAX_CODE_VALUE = 16;

    public Code {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(meaning, "meaning");
        if (value.isEmpty() || value.length() > MAX_CODE_VALUE) {
            throw new IllegalArgumentException("code value must be 1..16 characters: '" + value + "'");
        }
        if (scheme.isEmpty() || scheme.length() > 16 || meaning.isEmpty() || meaning.length() > 64) {
            throw new IllegalArgumentException("bad coding scheme or meaning for " + value);
        }
    }

    /** Writes CodeValue, CodingSchemeDesignator and CodeMeaning into a sequence item. */
    public Attributes writeTo(Attributes item) {
        return item.setString(Tag.CodeValue, value)
                .setString(Tag.CodingSchemeDesignator, scheme)
                .setString(Tag.CodeMeaning, meaning);
    }

    /** Reads a code from a sequence item, or null when the item has no CodeValue or scheme. */
    public static Code readFrom(Attributes item) {
        if (item == null) {
            return null;
        }
        String v = item.getString(Tag.CodeValue);
        String s = item.getString(Tag.CodingSchemeDesignator);
        if (v == null || s == null) {
            return null;
        }
        String m = item.getString(Tag.CodeMeaning, v);
        return new Code(v, s, m.isEmpty() ? v : m);
    }

    public boolean sameConcept(Code other) {
        return other != null && value.equals(other.value) && scheme.equals(other.scheme);
    }

    @Override
    public String toString() {
        return "(" + value + ", " + scheme + ", \"" + meaning + "\")";
    }
}
