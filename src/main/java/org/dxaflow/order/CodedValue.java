package org.dxaflow.order;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A code with its display text and coding scheme (HL7 CE/CWE, DICOM code sequence item). */
public record CodedValue(String code, String text, String scheme) {
    public CodedValue {
        code = code == null ? "" : code;
        text = text == null ? "" : text;
        scheme = scheme == null ? "" : scheme;
    }

    /** A helper, not data: kept out of JSON (it showed as "empty": … on every CodedValue). */
    @JsonIgnore
    public boolean isEmpty() {
        return code.isEmpty() && text.isEmpty();
    }
}
