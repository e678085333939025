package org.dxaflow.dicom.data;

import java.util.List;

/**
 * Encapsulated pixel data (PS3.5 A.4): the items of a Pixel Data element of undefined length.
 * The first fragment is the Basic Offset Table, which may be empty; the others hold the
 * compressed frames. The byte arrays are shared, not copied, because they can be large: callers
 * must not modify them.
 */
public record Fragments(List<byte[]> fragments) {

    public Fragments {
        fragments = List.copyOf(fragments);
    }

    public static Fragments of(byte[]... fragments) {
        return new Fragments(List.of(fragments));
    }

    public int size() {
        return fragments.size();
    }

    public byte[] get(int index) {
        return fragments.get(index);
    }
}
