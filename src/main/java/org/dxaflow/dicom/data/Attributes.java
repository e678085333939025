package org.dxaflow.dicom.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A DICOM data set (or sequence item): data elements ordered by tag, as PS3.5 7.1 requires.
 *
 * <p>Values read from a stream are kept as their encoded bytes and only interpreted by the
 * getters, so elements we do not understand (private tags, unknown VRs) are written back
 * byte for byte. Text set by the application is kept as strings and encoded when written, with
 * the Specific Character Set in force then (this data set's, else its parent's).
 *
 * <p>Getters return null (or an empty array) both for absent elements and for elements present
 * with an empty value; {@link #contains} tells the two apart, which matters for C-FIND keys.
 * Not thread safe: build or read a data set on one thread, then hand it over.
 */
public final class Attributes {

    private static final String[] NO_STRINGS = new String[0];

    private final TreeMap<Integer, Element> elements = new TreeMap<>(Tag::compare);
    private final Attributes parent;

    public Attributes() {
        this(null);
    }

    Attributes(Attributes parent) {
        this.parent = parent;
    }

    /** The data set that holds the sequence this item belongs to, or null at the top level. */
    public Attributes parent() {
        return parent;
    }

    public int size() {
        return elements.size();
    }

    public boolean isEmpty() {
        return elements.isEmpty();
    }

    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    public boolean contains(Tag tag) {
        return contains(tag.value());
    }

    /** Tags present, in ascending (unsigned) order. */
    public List<Integer> tags() {
        return List.copyOf(elements.keySet());
    }

    /** The VR an element was read or set with, or null if absent. */
    public VR vrOf(int tag) {
        Element e = elements.get(tag);
        return e == null ? null : e.vr();
    }

    /** Removes an element; true if it was present. */
    public boolean remove(int tag) {
        return elements.remove(tag) != null;
    }

    public boolean remove(Tag tag) {
        return remove(tag.value());
    }

    /** The character set for text in this data set: its own (0008,0005), else its parent's. */
    public SpecificCharacterSet specificCharacterSet() {
        Element e = elements.get(Tag.SpecificCharacterSet.value());
        if (e != null) {
            return SpecificCharacterSet.of(ValueCodec.toStrings(e, SpecificCharacterSet.DEFAULT));
        }
        return parent == null ? SpecificCharacterSet.DEFAULT : parent.specificCharacterSet();
    }

    // ---- getters

    /** First value as text, or null if absent or empty. Numbers come back in decimal. */
    public String getString(int tag) {
        String[] v = getStrings(tag);
        return v.length == 0 || v[0].isEmpty() && v.length == 1 ? null : v[0];
    }

    public String getString(Tag tag) {
        return getString(tag.value());
    }

    public String getString(int tag, String defaultValue) {
        String v = getString(tag);
        return v == null ? defaultValue : v;
    }

    public String getString(Tag tag, String defaultValue) {
        return getString(tag.value(), defaultValue);
    }

    /** All values (VM > 1 split on '\'), padding removed; empty if absent, empty or bulk data. */
    public String[] getStrings(int tag) {
        Element e = elements.get(tag);
        if (e == null || e.isSequence() || e.isFragments()) {
            return NO_STRINGS;
        }
        return ValueCodec.toStrings(e, specificCharacterSet());
    }

    public String[] getStrings(Tag tag) {
        return getStrings(tag.value());
    }

    /** First value as a person name (alphabetic group), or null if absent or empty. */
    public PersonName getPersonName(Tag tag) {
        String v = getString(tag);
        return v == null ? null : PersonName.Groups.parse(v).alphabetic();
    }

    /** First value as an int (US SS UL SL IS, also DS FL FD if integral), or the default. */
    public int getInt(int tag, int defaultValue) {
        long[] v = getLongs(tag);
        return v.length == 0 ? defaultValue : (int) v[0];
    }

    public int getInt(Tag tag, int defaultValue) {
        return getInt(tag.value(), defaultValue);
    }

    /**
     * All values as longs. UL comes back unsigned. Text values that are not integers throw
     * NumberFormatException, since a wrong number is worse than none.
     */
    public long[] getLongs(int tag) {
        Element e = elements.get(tag);
        if (e == null || !(e.value() instanceof byte[] || e.value() instanceof String[])) {
            return new long[0];
        }
        VR vr = e.interpretedVr();
        if (e.value() instanceof byte[] b && vr.isBinaryNumber() && vr != VR.FL && vr != VR.FD) {
            return ValueCodec.decodeIntegers(b, vr);
        }
        return Arrays.stream(getDoubles(tag)).mapToLong(d -> {
            if (d != Math.rint(d)) {
                throw new NumberFormatException("not an integer: " + d + " in " + Tag.toString(tag));
            }
            return (long) d;
        }).toArray();
    }

    public double getDouble(int tag, double defaultValue) {
        double[] v = getDoubles(tag);
        return v.length == 0 ? defaultValue : v[0];
    }

    public double getDouble(Tag tag, double defaultValue) {
        return getDouble(tag.value(), defaultValue);
    }

    /** All values as doubles (FL FD DS IS and the integer VRs). */
    public double[] getDoubles(int tag) {
        Element e = elements.get(tag);
        if (e == null) {
            return new double[0];
        }
        VR vr = e.interpretedVr();
        if (e.value() instanceof byte[] b && (vr == VR.FL || vr == VR.FD)) {
            return ValueCodec.decodeFloats(b, vr);
        }
        if (e.value() instanceof byte[] b && vr.isBinaryNumber()) {
            return Arrays.stream(ValueCodec.decodeIntegers(b, vr)).asDoubleStream().toArray();
        }
        return Arrays.stream(getStrings(tag)).filter(s -> !s.isEmpty())
                .mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
    }

    /**
     * The encoded value bytes (little endian, padded as written), or null if absent or a
     * sequence. For text set as strings this encodes them with the current character set.
     */
    public byte[] getBytes(int tag) {
        Element e = elements.get(tag);
        if (e == null) {
            return null;
        }
        if (e.value() instanceof byte[] b) {
            return b.clone();
        }
        if (e.value() instanceof String[] s) {
            return ValueCodec.encodeText(s, e.vr(), specificCharacterSet());
        }
        return null;
    }

    /** The sequence at a tag, or null if absent or not a sequence. */
    public Sequence getSequence(int tag) {
        Element e = elements.get(tag);
        return e != null && e.value() instanceof Sequence s ? s : null;
    }

    public Sequence getSequence(Tag tag) {
        return getSequence(tag.value());
    }

    /** Item {@code index} of the sequence at a tag, or null if there is no such item. */
    public Attributes getItem(Tag tag, int index) {
        Sequence s = getSequence(tag);
        return s == null || index >= s.size() ? null : s.get(index);
    }

    /** The encapsulated pixel data fragments at a tag, or null. */
    public Fragments getFragments(int tag) {
        Element e = elements.get(tag);
        return e != null && e.value() instanceof Fragments f ? f : null;
    }

    // ---- setters (return this for chaining, except newSequence)

    /** Sets text values; no values means present with an empty value (a C-FIND return key). */
    public Attributes setString(int tag, VR vr, String... values) {
        return put(tag, vr, ValueCodec.checkText(vr, values));
    }

    public Attributes setString(Tag tag, String... values) {
        return setString(tag.value(), tag.vr(), values);
    }

    public Attributes setPersonName(Tag tag, PersonName name) {
        return setString(tag, name.format());
    }

    /** Sets integer values for US SS UL SL SV UV AT, or as text for IS and DS. */
    public Attributes setInt(int tag, VR vr, int... values) {
        return setLong(tag, vr, Arrays.stream(values).asLongStream().toArray());
    }

    public Attributes setInt(Tag tag, int... values) {
        return setInt(tag.value(), tag.vr(), values);
    }

    public Attributes setLong(int tag, VR vr, long... values) {
        return put(tag, vr, ValueCodec.encodeIntegers(vr, values));
    }

    /** Sets floating point values for FL FD OF OD, or as text for DS. */
    public Attributes setDouble(int tag, VR vr, double... values) {
        return put(tag, vr, ValueCodec.encodeFloats(vr, values));
    }

    public Attributes setDouble(Tag tag, double... values) {
        return setDouble(tag.value(), tag.vr(), values);
    }

    /**
     * Sets an encoded value as is (little endian for binary VRs). Odd lengths are padded when
     * written. For SQ use {@link #newSequence}.
     */
    public Attributes setBytes(int tag, VR vr, byte[] value) {
        if (vr == VR.SQ) {
            throw new IllegalArgumentException("use newSequence for SQ " + Tag.toString(tag));
        }
        return put(tag, vr, value.clone());
    }

    /** Present with an empty value (zero length), for C-FIND keys and type 2 attributes. */
    public Attributes setNull(int tag, VR vr) {
        return vr == VR.SQ ? putSequence(tag, VR.SQ, new Sequence(this)) : put(tag, vr, new byte[0]);
    }

    public Attributes setNull(Tag tag) {
        return setNull(tag.value(), tag.vr());
    }

    /** Replaces the element at a tag with an empty sequence and returns it for adding items. */
    public Sequence newSequence(int tag) {
        Sequence s = new Sequence(this);
        putSequence(tag, VR.SQ, s);
        return s;
    }

    public Sequence newSequence(Tag tag) {
        if (tag.vr() != VR.SQ) {
            throw new IllegalArgumentException(tag + " is not a sequence");
        }
        return newSequence(tag.value());
    }

    /** Sets encapsulated pixel data (the VR is OB, PS3.5 A.4). */
    public Attributes setFragments(int tag, Fragments fragments) {
        return put(tag, VR.OB, fragments);
    }

    /** A deep copy with no parent (sequences and their items are copied, byte arrays shared). */
    public Attributes deepCopy() {
        return deepCopy(null);
    }

    Attributes deepCopy(Attributes newParent) {
        return new Attributes(newParent).addAll(this);
    }

    /**
     * Adds every element of another data set, replacing equal tags. Sequences are copied item by
     * item so the copies belong to this data set; byte arrays are shared since they never change.
     */
    public Attributes addAll(Attributes other) {
        for (int tag : other.elements.keySet()) {
            copyFrom(other, tag);
        }
        return this;
    }

    /**
     * Copies one element from another data set (a sequence item by item, so the copy belongs
     * here); false when the source does not have it. C-FIND responses are built this way.
     */
    public boolean copyFrom(Attributes source, int tag) {
        Element e = source.elements.get(tag);
        if (e == null) {
            return false;
        }
        if (e.value() instanceof Sequence s) {
            Sequence target = new Sequence(this);
            for (Attributes item : s) {
                target.addItem(item);
            }
            put(e.tag(), e.vr(), target);
        } else {
            elements.put(e.tag(), e);
        }
        return true;
    }

    // ---- package private access for the codec and Dump

    Iterable<Element> elements() {
        return new ArrayList<>(elements.values());
    }

    Element element(int tag) {
        return elements.get(tag);
    }

    void putElement(Element e) {
        elements.put(e.tag(), e);
    }

    /** Attaches a sequence to this data set; sequences hold their parent, so it must be ours. */
    Attributes putSequence(int tag, VR vr, Sequence s) {
        return put(tag, vr, s);
    }

    private Attributes put(int tag, VR vr, Object value) {
        if (Tag.isItemOrDelimiter(tag)) {
            throw new IllegalArgumentException(Tag.toString(tag) + " is not a data element");
        }
        elements.put(tag, new Element(tag, vr, value));
        return this;
    }

    @Override
    public String toString() {
        return Dump.toString(this);
    }
}
