package org.dxaflow.results.mapping;

import org.dxaflow.conf.ConfNode;
import org.dxaflow.dicom.sr.Concept;

/**
 * A code as a mapping file names it: value and coding scheme (DICOM Coding Scheme Designator, or
 * HL7 coding system for OBX-3). The meaning is not part of identity: senders word it differently.
 */
record CodeRef(String code, String scheme) {

    /** Reads {@code code} and {@code scheme} of a node; the caller finishes the node. */
    static CodeRef read(ConfNode n) {
        return new CodeRef(n.nonBlank("code"), n.nonBlank("scheme"));
    }

    /** A node that is only {@code {code, scheme}}. */
    static CodeRef readOnly(ConfNode n) {
        CodeRef c = read(n);
        n.finish();
        return c;
    }

    boolean matches(Concept concept) {
        return concept != null && concept.is(code, scheme);
    }

    boolean matches(String otherCode, String otherScheme) {
        return code.equals(otherCode) && scheme.equalsIgnoreCase(otherScheme == null ? "" : otherScheme);
    }

    @Override
    public String toString() {
        return "(" + code + ", " + scheme + ")";
    }
}
