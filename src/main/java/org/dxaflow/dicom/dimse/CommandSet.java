package org.dxaflow.dicom.dimse;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Immutable DIMSE command set: group 0000 elements by tag. Values are typed by the element's VR
 * ({@link CommandTags#vrOf}): String for UI/AE/LO, Integer for US, Long for UL, int[] of tags for
 * AT, byte[] for elements we do not know (kept so nothing the peer sent is lost).
 *
 * <p>CommandGroupLength is never stored: the codec computes it, so it cannot disagree with content.
 */
public final class CommandSet {
    private final SortedMap<Integer, Object> elements;

    private CommandSet(SortedMap<Integer, Object> elements) {
        this.elements = Collections.unmodifiableSortedMap(elements);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<Integer, Object> elements() {
        return elements;
    }

    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    public Optional<String> string(int tag) {
        Object v = elements.get(tag);
        return v instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** US value, or {@code defaultValue} when absent. */
    public int us(int tag, int defaultValue) {
        Object v = elements.get(tag);
        return v instanceof Integer i ? i : defaultValue;
    }

    public Optional<int[]> tags(int tag) {
        Object v = elements.get(tag);
        return v instanceof int[] a ? Optional.of(a.clone()) : Optional.empty();
    }

    public int commandField() {
        return us(CommandTags.COMMAND_FIELD, -1);
    }

    public boolean hasDataSet() {
        return us(CommandTags.COMMAND_DATA_SET_TYPE, CommandTags.DATA_SET_ABSENT) != CommandTags.DATA_SET_ABSENT;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.elements.putAll(elements);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CommandSet other) || !other.elements.keySet().equals(elements.keySet())) {
            return false;
        }
        for (Map.Entry<Integer, Object> e : elements.entrySet()) {
            if (!Objects.deepEquals(e.getValue(), other.elements.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return elements.keySet().hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("CommandSet{");
        elements.forEach((k, v) -> sb.append(CommandTags.hex(k)).append('=')
                .append(v instanceof int[] a ? Arrays.toString(a) : v instanceof byte[] b ? b.length + " bytes"
                        : v instanceof Integer i ? String.format("0x%04X", i) : v).append(' '));
        return sb.append('}').toString();
    }

    /** Mutable builder; validates value types against the dictionary VR. */
    public static final class Builder {
        private final SortedMap<Integer, Object> elements = new TreeMap<>();

        public Builder string(int tag, String value) {
            CommandTags.Vr vr = CommandTags.vrOf(tag);
            if (vr != CommandTags.Vr.UI && vr != CommandTags.Vr.AE && vr != CommandTags.Vr.LO) {
                throw new IllegalArgumentException(CommandTags.hex(tag) + " is not a string element");
            }
            if (value != null) {
                elements.put(tag, value);
            }
            return this;
        }

        public Builder us(int tag, int value) {
            if (CommandTags.vrOf(tag) != CommandTags.Vr.US) {
                throw new IllegalArgumentException(CommandTags.hex(tag) + " is not US");
            }
            if (value < 0 || value > 0xFFFF) {
                throw new IllegalArgumentException("US value out of range: " + value);
            }
            elements.put(tag, value);
            return this;
        }

        public Builder tags(int tag, int... attributeTags) {
            if (CommandTags.vrOf(tag) != CommandTags.Vr.AT) {
                throw new IllegalArgumentException(CommandTags.hex(tag) + " is not AT");
            }
            elements.put(tag, attributeTags.clone());
            return this;
        }

        /** An element outside our dictionary, kept as raw little-endian bytes. */
        public Builder raw(int tag, byte[] value) {
            if (CommandTags.vrOf(tag) != CommandTags.Vr.UN) {
                throw new IllegalArgumentException(CommandTags.hex(tag) + " is a known element");
            }
            elements.put(tag, value.clone());
            return this;
        }

        public Builder remove(int tag) {
            elements.remove(tag);
            return this;
        }

        public CommandSet build() {
            elements.remove(CommandTags.COMMAND_GROUP_LENGTH);
            return new CommandSet(new TreeMap<>(elements));
        }
    }
}
