package org.dxaflow.dicom.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The items of a sequence element. Each item is an {@link Attributes} whose parent is the data
 * set holding the sequence, so that items inherit its Specific Character Set (PS3.5 7.5.2).
 */
public final class Sequence implements Iterable<Attributes> {

    private final Attributes parent;
    private final List<Attributes> items = new ArrayList<>();

    Sequence(Attributes parent) {
        this.parent = parent;
    }

    /** Appends a new empty item and returns it for filling. */
    public Attributes addItem() {
        Attributes item = new Attributes(parent);
        items.add(item);
        return item;
    }

    /**
     * Appends a copy of an existing data set as an item. A copy, because one Attributes cannot
     * have two parents and sharing would let a later change show up in two places.
     */
    public Attributes addItem(Attributes content) {
        Attributes item = content.deepCopy(parent);
        items.add(item);
        return item;
    }

    public Attributes get(int index) {
        return items.get(index);
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public Attributes remove(int index) {
        return items.remove(index);
    }

    /** Read-only view of the items. */
    public List<Attributes> items() {
        return Collections.unmodifiableList(items);
    }

    @Override
    public Iterator<Attributes> iterator() {
        return items().iterator();
    }
}
