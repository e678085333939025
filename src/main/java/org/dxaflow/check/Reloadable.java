package org.dxaflow.check;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The current version of something read from a file that may be reloaded while the engine runs.
 * A user takes {@link #get()} once per message and keeps that version for the whole message, so a
 * swap in the middle of one never mixes two versions. Only a loaded, checked value is ever set.
 */
public final class Reloadable<T> implements Supplier<T> {

    private final AtomicReference<T> current;

    public Reloadable(T initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    @Override
    public T get() {
        return current.get();
    }

    void set(T next) {
        current.set(Objects.requireNonNull(next, "next"));
    }
}
