package org.dxaflow.dicom.sr;

import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.Tag;

/**
 * A coded concept as an SR carries it (PS3.3 Table 8.8-1 Code Sequence Macro). Two concepts are the
 * same when value and scheme match; the meaning is display text that differs between senders.
 */
public record Concept(String code, String scheme, String meaning) {

    /** The code of the first item of a code sequence, or null when there is none. */
    static Concept first(Attributes item, Tag sequence) {
        var seq = item.getSequence(sequence);
        if (seq == null || seq.isEmpty()) {
            return null;
        }
        Attributes code = seq.get(0);
        String value = code.getString(Tag.CodeValue);
        if (value == null) {
            value = code.getString(Tag.LongCodeValue);
        }
        String scheme = code.getString(Tag.CodingSchemeDesignator);
        if (value == null || scheme == null) {
            return null;
        }
        return new Concept(value.trim(), scheme.trim(), code.getString(Tag.CodeMeaning, "").trim());
    }

    public boolean is(String code, String scheme) {
        return this.code.equals(code) && this.scheme.equalsIgnoreCase(scheme);
    }

    @Override
    public String toString() {
        return "(" + code + ", " + scheme + (meaning.isEmpty() ? "" : ", \"" + meaning + "\"") + ")";
    }
}
