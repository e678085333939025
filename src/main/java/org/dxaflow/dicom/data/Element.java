package org.dxaflow.dicom.data;

/**
 * One data element as stored in {@link Attributes}. The value is one of:
 * <ul>
 *   <li>{@code byte[]}: the encoded value, little endian, as read or as produced by a numeric
 *       setter; kept untouched so that unknown and private elements round trip byte for byte;</li>
 *   <li>{@code String[]}: text set by the application, encoded only when written so that the
 *       Specific Character Set in force at that time applies;</li>
 *   <li>{@link Sequence}: items of an SQ (or of a UN of undefined length, PS3.5 6.2.2);</li>
 *   <li>{@link Fragments}: encapsulated pixel data (PS3.5 A.4).</li>
 * </ul>
 * Package private: callers use the typed getters of {@link Attributes}.
 */
record Element(int tag, VR vr, Object value) {

    Element {
        if (!(value instanceof byte[] || value instanceof String[] || value instanceof Sequence
                || value instanceof Fragments)) {
            throw new IllegalArgumentException("unsupported value type for " + Tag.toString(tag));
        }
    }

    boolean isSequence() {
        return value instanceof Sequence;
    }

    boolean isFragments() {
        return value instanceof Fragments;
    }

    /**
     * The VR to interpret the value with: the dictionary VR when the stored VR is UN, so that a
     * standard attribute that arrived as UN (PS3.5 6.2.2) still reads as text or numbers.
     */
    VR interpretedVr() {
        return vr == VR.UN ? Dictionary.vrOf(tag) : vr;
    }
}
